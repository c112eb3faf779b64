import { respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { findConsoleApplication } from "@/lib/applications/console-applications";
import { requireApiUser } from "@/lib/auth/session";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

/** One application with its clock, timeline, fee, reply and appeals; applicant data masked unless the user may see it. */
export function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return findConsoleApplication(actor, await readIdParam(context.params, messages.common.notFound.application));
  });
}
