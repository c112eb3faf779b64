import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readPositiveInteger } from "@/lib/api/route-params";
import { findPublishedFeedback } from "@/lib/feedback/public-feedback";
import { submitFeedback } from "@/lib/feedback/submit-feedback";
import { clientKeyOf } from "@/lib/rate-limit/client-key";

export const dynamic = "force-dynamic";

/** Published messages with their replies (names and contacts are never included). */
export function GET(request: Request) {
  return respondWithJson(async () => {
    const query = new URL(request.url).searchParams;
    return findPublishedFeedback({ page: readPositiveInteger(query.get("page")), pageSize: readPositiveInteger(query.get("pageSize")) });
  });
}

/** A visitor's message: `{topic, content, name?, contact?, mayPublish?, itemId?}` → 201 `{id}`; 429 when sent too often. */
export function POST(request: Request) {
  return respondWithJson(async () => {
    const { id } = await submitFeedback(await readJsonBody(request), { clientKey: clientKeyOf(request.headers) });
    return { id };
  }, 201);
}
