import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { submitApplication } from "@/lib/applications/submit-application";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { clientKeyOf } from "@/lib/rate-limit/client-key";

export const dynamic = "force-dynamic";

/**
 * `POST /api/v1/applications` (public) → 201 `{number, lookupCode, receivedOn, dueOn}`. An
 * `Idempotency-Key` header (or `idempotencyKey` in the body) makes a resent request return the
 * same application instead of a second one.
 */
export function POST(request: Request) {
  return respondWithJson(async () => {
    const body = await readJsonBody(request);
    if (typeof body !== "object" || body === null || Array.isArray(body)) throw new ValidationError({ _: [messages.common.errors.jsonObjectExpected] });
    const headerKey = request.headers.get("idempotency-key");
    const input = headerKey ? { ...body, idempotencyKey: headerKey } : body;
    const { number, lookupCode, receivedOn, dueOn } = await submitApplication(input, { clientKey: clientKeyOf(request.headers) });
    return { number, lookupCode, receivedOn, dueOn };
  }, 201);
}
