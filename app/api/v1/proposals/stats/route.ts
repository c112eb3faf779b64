import { todayInBeijing } from "@/lib/dates";
import { respondWithOpenData } from "@/lib/open-data/open-data-route";
import { readYearParam } from "@/lib/proposals/query-params";
import { proposalStatsForYear } from "@/lib/proposals/stats";

export const dynamic = "force-dynamic";

/** `{year, byKind: {suggestion, proposal}, total}` of one year (default: the current one). */
export function GET(request: Request) {
  return respondWithOpenData(request, async () => {
    const year = readYearParam(new URL(request.url).searchParams.get("year")) ?? Number(todayInBeijing().slice(0, 4));
    return proposalStatsForYear(year);
  });
}
