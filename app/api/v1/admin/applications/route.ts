import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readPositiveInteger } from "@/lib/api/route-params";
import { applicationViews, listApplications, type ApplicationView } from "@/lib/applications/console-applications";
import { registerOfflineApplication } from "@/lib/applications/submit-application";
import { requireApiUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** `GET /api/v1/admin/applications?view=open|due_soon|overdue|paused|closed|all&page=N`: applicants masked. */
export function GET(request: Request) {
  return respondWithJson(async () => {
    const query = new URL(request.url).searchParams;
    const view = applicationViews.find((value) => value === query.get("view")) as ApplicationView | undefined;
    return listApplications(await requireApiUser(request), { view, page: readPositiveInteger(query.get("page")) });
  });
}

/** `POST /api/v1/admin/applications`: an application received offline, with `receiptMethod` and `receivedOn`. */
export function POST(request: Request) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    const { id, number, lookupCode, receivedOn, dueOn } = await registerOfflineApplication(actor, await readJsonBody(request));
    return { id, number, lookupCode, receivedOn, dueOn };
  }, 201);
}
