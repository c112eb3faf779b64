import { respondWithJson } from "@/lib/api/respond";
import { assertPermitted } from "@/lib/auth/permissions";
import { requireApiUser } from "@/lib/auth/session";
import { todayInBeijing } from "@/lib/dates";
import { readYearParam } from "@/lib/proposals/query-params";
import { proposalStatsForYear, proposalStatsScope } from "@/lib/proposals/stats";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    assertPermitted(actor, "proposal.read_console");
    const year = readYearParam(new URL(request.url).searchParams.get("year")) ?? Number(todayInBeijing().slice(0, 4));
    return proposalStatsForYear(year, proposalStatsScope(actor));
  });
}
