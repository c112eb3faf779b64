import { respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { requireApiUser } from "@/lib/auth/session";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { drawInspection } from "@/lib/inspections/manage-inspections";

export const dynamic = "force-dynamic";

/**
 * Takes the random draw of a draft task: 201 `{draw}` with the seed, the algorithm, both list
 * versions and hashes and the drawn targets with their inspectors; 409 when already drawn or not a
 * draft; 422 when there are not enough targets or inspectors. An optional JSON body `{version}`
 * guards against a stale plan; the seed is always chosen by the server.
 */
export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    const id = await readIdParam(context.params, messages.common.notFound.inspection);
    const text = await request.text();
    let body: unknown = {};
    if (text.trim()) {
      try {
        body = JSON.parse(text);
      } catch {
        throw new ValidationError({ _: [messages.common.errors.invalidJson] });
      }
    }
    return { draw: await drawInspection(actor, id, body) };
  }, 201);
}
