import { readIdParam } from "@/lib/api/route-params";
import { respondWithJson } from "@/lib/api/respond";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findPublicPower } from "@/lib/powers/public-powers";

export const dynamic = "force-dynamic";

export function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const power = await findPublicPower(await readIdParam(context.params, messages.registers.powers.errors.notFound));
    if (!power) throw new NotFoundError(messages.registers.powers.errors.notFound);
    return { power };
  });
}
