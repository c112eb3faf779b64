import { readIdParam } from "@/lib/api/route-params";
import { findPublicDecision } from "@/lib/decisions/public-decisions";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { respondWithOpenData } from "@/lib/open-data/open-data-route";

export const dynamic = "force-dynamic";

export function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithOpenData(request, async () => {
    const decision = await findPublicDecision(await readIdParam(context.params, messages.registers.decisions.notFound));
    if (!decision) throw new NotFoundError(messages.registers.decisions.notFound);
    return { decision };
  });
}
