import { readIdParam } from "@/lib/api/route-params";
import { respondWithJson } from "@/lib/api/respond";
import { findPublicDecision } from "@/lib/decisions/public-decisions";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

export function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const decision = await findPublicDecision(await readIdParam(context.params, messages.registers.decisions.notFound));
    if (!decision) throw new NotFoundError(messages.registers.decisions.notFound);
    return { decision };
  });
}
