import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/session";
import { findConsoleDecision, listConsoleDecisions } from "@/lib/decisions/console-decisions";
import { readConsoleDecisionQuery } from "@/lib/decisions/decision-query";
import { createDecision } from "@/lib/decisions/manage-decisions";

export const dynamic = "force-dynamic";

/** GET: the console list (every state, with due / overdue / late). POST: a new draft decision. */
export function GET(request: Request) {
  return respondWithJson(async () => listConsoleDecisions(await requireApiUser(request), readConsoleDecisionQuery(new URL(request.url).searchParams)));
}

export function POST(request: Request) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    const created = await createDecision(actor, await readJsonBody(request));
    return { decision: await findConsoleDecision(actor, created.id) };
  }, 201);
}
