import { respondWithJson } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/session";
import { todayInBeijing } from "@/lib/dates";
import { feedbackStatsForYear } from "@/lib/feedback/stats";
import { readYearParam } from "@/lib/proposals/query-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    const year = readYearParam(new URL(request.url).searchParams.get("year")) ?? Number(todayInBeijing().slice(0, 4));
    return feedbackStatsForYear(actor, year);
  });
}
