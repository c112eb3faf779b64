import { readIdParam } from "@/lib/api/route-params";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { respondWithOpenData } from "@/lib/open-data/open-data-route";
import { findPublicPower } from "@/lib/powers/public-powers";

export const dynamic = "force-dynamic";

export function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithOpenData(request, async () => {
    const power = await findPublicPower(await readIdParam(context.params, messages.registers.powers.errors.notFound));
    if (!power) throw new NotFoundError(messages.registers.powers.errors.notFound);
    return { power };
  });
}
