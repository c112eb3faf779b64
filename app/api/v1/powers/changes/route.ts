import { readPositiveInteger } from "@/lib/api/route-params";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { respondWithOpenData } from "@/lib/open-data/open-data-route";
import { comparePublicPowerLists } from "@/lib/powers/public-powers";

export const dynamic = "force-dynamic";

/** GET /api/v1/powers/changes?from=2016&to=2017[&agency=]: what changed between two published yearly lists (of the agency named, else the default agency's). */
export function GET(request: Request) {
  return respondWithOpenData(request, async () => {
    const query = new URL(request.url).searchParams;
    const from = readPositiveInteger(query.get("from"));
    const to = readPositiveInteger(query.get("to"));
    if (!from || !to)
      throw new ValidationError({
        ...(from ? {} : { from: [messages.registers.common.compareYearRequired] }),
        ...(to ? {} : { to: [messages.registers.common.compareYearRequired] }),
      });
    const changes = await comparePublicPowerLists(from, to, query.get("agency") || undefined);
    if (!changes) throw new NotFoundError(messages.registers.powers.yearNotFound);
    return { from, to, ...changes };
  });
}
