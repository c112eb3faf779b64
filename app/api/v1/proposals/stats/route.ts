import { resolvePublicAgency } from "@/lib/agency/public-agency";
import { todayInBeijing } from "@/lib/dates";
import { respondWithOpenData } from "@/lib/open-data/open-data-route";
import { readYearParam } from "@/lib/proposals/query-params";
import { proposalStatsForYear } from "@/lib/proposals/stats";

export const dynamic = "force-dynamic";

/**
 * `{year, byKind: {suggestion, proposal}, total}` of one year (default: the current one), counted over
 * the proposals of the agency `agency=<code>` names (the default agency's without it, as the lists and
 * the /proposals page count; an unknown code is 404).
 */
export function GET(request: Request) {
  return respondWithOpenData(request, async () => {
    const query = new URL(request.url).searchParams;
    const year = readYearParam(query.get("year")) ?? Number(todayInBeijing().slice(0, 4));
    const agency = await resolvePublicAgency(query.get("agency"));
    return proposalStatsForYear(year, { agencyId: agency.id });
  });
}
