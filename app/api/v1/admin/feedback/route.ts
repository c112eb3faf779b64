import { respondWithJson } from "@/lib/api/respond";
import { readPositiveInteger } from "@/lib/api/route-params";
import { requireApiUser } from "@/lib/auth/session";
import { listConsoleFeedback } from "@/lib/feedback/manage-feedback";
import { readFeedbackStatusParam } from "@/lib/proposals/query-params";

export const dynamic = "force-dynamic";

/** Messages this user may see (`?status=moderation|received|reply_review|answered|rejected&page=`). */
export function GET(request: Request) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    const query = new URL(request.url).searchParams;
    return listConsoleFeedback(actor, {
      status: readFeedbackStatusParam(query.get("status")),
      page: readPositiveInteger(query.get("page")),
      pageSize: readPositiveInteger(query.get("pageSize")),
    });
  });
}
