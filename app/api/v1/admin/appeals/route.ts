import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { listAppealCases, recordProactiveAppeal } from "@/lib/applications/appeals";
import { requireApiUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** `GET /api/v1/admin/appeals` → `{items: [{kind, id, filedOn, body, result, resultOn, afterReconsideration, note, application: {id, number} | null, subject}]}`. */
export function GET(request: Request) {
  return respondWithJson(async () => {
    const { cases } = await listAppealCases(await requireApiUser(request));
    return { items: cases };
  });
}

/**
 * `POST /api/v1/admin/appeals` `{kind: reconsideration|litigation, subject, filedOn, body, result, resultOn?,
 * afterReconsideration?, note?}` → 201: a case about proactive disclosure, with no application.
 */
export function POST(request: Request) {
  return respondWithJson(async () => recordProactiveAppeal(await requireApiUser(request), await readJsonBody(request)), 201);
}
