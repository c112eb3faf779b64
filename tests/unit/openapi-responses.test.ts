/**
 * Every /api/v1 endpoint publishes what it answers: a real response schema (no bare
 * `{type: "object"}`), with the status code its route handler really answers with, and the
 * console's write answers described by the types the data layer returns.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import ts from "typescript";
import type { z } from "zod";
import type { recordAppeal, recordProactiveAppeal } from "@/lib/applications/appeals";
import type { recordDecision, recordStep } from "@/lib/applications/handle-application";
import type { transitionDecision, transitionDecisionBatch } from "@/lib/decisions/decision-review";
import type { importDecisions } from "@/lib/decisions/import-decisions";
import type { transitionFeedbackReply } from "@/lib/feedback/feedback-reply-review";
import type { assignFeedback, moderateFeedback, saveFeedbackReply, unpublishFeedback } from "@/lib/feedback/manage-feedback";
import type { transitionInspection } from "@/lib/inspections/inspection-review";
import type { drawInspection, recordInspectionResults } from "@/lib/inspections/manage-inspections";
import type { createInspector, createTarget, importInspectors, importTargets } from "@/lib/inspections/manage-lists";
import type { transitionItem } from "@/lib/items/item-review";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { operations } from "@/lib/openapi/operations";
import type { writeResults } from "@/lib/openapi/response-schemas";
import type { importProposals } from "@/lib/proposals/import-proposals";
import type { assignProposal, closeProposal, recordProposerFeedback, reopenProposal } from "@/lib/proposals/manage-proposals";
import type { saveProposalReply } from "@/lib/proposals/proposal-replies";
import type { transitionProposalReply } from "@/lib/proposals/proposal-reply-review";
import type { updateReplyDraft } from "@/lib/reply-letters/manage-replies";
import type { transitionReply } from "@/lib/reply-letters/reply-letter-review";
import type { importApplicationLedger } from "@/lib/reports/ledger-import";

type Json = Record<string, unknown>;
const document = buildOpenApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, Json> }>> };

test("every endpoint that answers JSON names its response schema; none falls back to a bare object", () => {
  for (const operation of operations) {
    if (operation.method === "options" || operation.download) continue;
    assert.ok(operation.response, `${operation.method} ${operation.path} names its response schema`);
    const responses = document.paths[operation.path][operation.method].responses;
    const success = responses[operation.creates ? "201" : "200"] as { content: Record<string, { schema: Json }> };
    assert.deepEqual(success.content["application/json"].schema, { $ref: `#/components/schemas/${operation.response}` });
  }
  assert.doesNotMatch(JSON.stringify(document.paths), /"schema":\{"type":"object"\}/, "no response or body is a bare {type: object}");
});

test("the document refuses an endpoint without a response schema", () => {
  operations.push({ method: "post", path: "/api/v1/admin/undocumented", tag: "meta", summary: "x", access: "staff" });
  try {
    assert.throws(() => buildOpenApiDocument(), /No response schema for POST \/api\/v1\/admin\/undocumented/);
  } finally {
    operations.pop();
  }
});

/** The status a route handler answers a success with: `respondWithJson(…, 201)` or the default 200. */
function handlerStatus(operationPath: string, method: string): string {
  const folder = operationPath.replace(/^\/api\/v1\//, "").replace(/\{(\w+)\}/g, "[$1]");
  const file = path.join("app", "api", "v1", folder, "route.ts");
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const handler = source.statements.find(
    (statement) =>
      (ts.isFunctionDeclaration(statement) && statement.name?.text === method.toUpperCase()) ||
      (ts.isVariableStatement(statement) && statement.declarationList.declarations.some((declaration) => declaration.name.getText() === method.toUpperCase())),
  );
  assert.ok(handler, `${file} exports ${method.toUpperCase()}`);
  return /,\s*201\s*\)/.test(handler.getText()) ? "201" : "200";
}

test("each endpoint's documented success status is the one its route handler answers with", () => {
  const checked = operations.filter((operation) => operation.method !== "options");
  assert.ok(checked.filter((operation) => operation.method !== "get").length >= 45, "every write is checked");
  for (const operation of checked)
    assert.equal(operation.creates ? "201" : "200", handlerStatus(operation.path, operation.method), `${operation.method.toUpperCase()} ${operation.path}`);
});

/*
 * Compile-time (npm run typecheck): each write's response schema and the type its data-layer
 * function returns are assignable both ways, so a field added to or removed from an answer fails
 * the build until the published schema follows.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** `answeredWith<Returned>()(schema)` compiles only when the schema's output type and Returned are the same shape. */
function answeredWith<Returned>() {
  return <Schema extends keyof typeof writeResults>(
    schema: Schema & (Same<Returned, z.output<(typeof writeResults)[Schema]>> extends true ? unknown : never),
  ): Schema => schema;
}
type Answer<Fn extends (...args: never[]) => unknown> = Awaited<ReturnType<Fn>>;

const writes: Record<string, keyof typeof writeResults> = {
  "post /api/v1/admin/items/{id}/transitions": answeredWith<Answer<typeof transitionItem>>()("ItemTransitionResult"),
  "post /api/v1/admin/applications/{id}/steps": answeredWith<Answer<typeof recordStep>>()("ApplicationProgress"),
  "post /api/v1/admin/applications/{id}/decision": answeredWith<Answer<typeof recordDecision>>()("ApplicationDecisionResult"),
  "patch /api/v1/admin/applications/{id}/reply": answeredWith<Answer<typeof updateReplyDraft>>()("ReplyDraftSaved"),
  "post /api/v1/admin/applications/{id}/reply/transitions": answeredWith<Answer<typeof transitionReply>>()("ReplyTransitionResult"),
  "post /api/v1/admin/applications/{id}/appeals": answeredWith<Answer<typeof recordAppeal>>()("AppealRecorded"),
  "post /api/v1/admin/appeals": answeredWith<Answer<typeof recordProactiveAppeal>>()("AppealRecorded"),
  "post /api/v1/admin/applications/import": answeredWith<Answer<typeof importApplicationLedger>>()("LedgerImported"),
  "post /api/v1/admin/decisions/{id}/transitions": answeredWith<Answer<typeof transitionDecision>>()("DecisionTransitionResult"),
  "post /api/v1/admin/decisions/batches/{id}/transitions": answeredWith<Answer<typeof transitionDecisionBatch>>()("DecisionBatchTransitionResult"),
  "post /api/v1/admin/decisions/import": answeredWith<Answer<typeof importDecisions>>()("DecisionsImported"),
  "post /api/v1/admin/feedback/{id}/assignment": answeredWith<Answer<typeof assignFeedback>>()("FeedbackWriteResult"),
  "post /api/v1/admin/feedback/{id}/moderation": answeredWith<Answer<typeof moderateFeedback>>()("FeedbackWriteResult"),
  "put /api/v1/admin/feedback/{id}/reply": answeredWith<Answer<typeof saveFeedbackReply>>()("FeedbackWriteResult"),
  "post /api/v1/admin/feedback/{id}/reply/transitions": answeredWith<Answer<typeof transitionFeedbackReply>>()("FeedbackWriteResult"),
  "post /api/v1/admin/feedback/{id}/unpublish": answeredWith<Answer<typeof unpublishFeedback>>()("FeedbackWriteResult"),
  // The route wraps the draw: `{draw}`.
  "post /api/v1/admin/inspections/{id}/draw": answeredWith<{ draw: Answer<typeof drawInspection> }>()("InspectionDrawResponse"),
  "put /api/v1/admin/inspections/{id}/results": answeredWith<Answer<typeof recordInspectionResults>>()("InspectionWriteResult"),
  "post /api/v1/admin/inspections/{id}/transitions": answeredWith<Answer<typeof transitionInspection>>()("InspectionWriteResult"),
  "post /api/v1/admin/inspections/inspectors": answeredWith<Answer<typeof createInspector>>()("ListEntryCreated"),
  "post /api/v1/admin/inspections/inspectors/import": answeredWith<Answer<typeof importInspectors>>()("ListImported"),
  "post /api/v1/admin/inspections/targets": answeredWith<Answer<typeof createTarget>>()("ListEntryCreated"),
  "post /api/v1/admin/inspections/targets/import": answeredWith<Answer<typeof importTargets>>()("ListImported"),
  "post /api/v1/admin/proposals/{id}/assignment": answeredWith<Answer<typeof assignProposal>>()("ProposalWriteResult"),
  "post /api/v1/admin/proposals/{id}/replies": answeredWith<Answer<typeof saveProposalReply>>()("ProposalReplyWriteResult"),
  "post /api/v1/admin/proposals/{id}/replies/{replyId}/transitions": answeredWith<Answer<typeof transitionProposalReply>>()("ProposalReplyWriteResult"),
  "post /api/v1/admin/proposals/{id}/feedback": answeredWith<Answer<typeof recordProposerFeedback>>()("ProposalWriteResult"),
  "post /api/v1/admin/proposals/{id}/close": answeredWith<Answer<typeof closeProposal>>()("ProposalWriteResult"),
  "post /api/v1/admin/proposals/{id}/reopen": answeredWith<Answer<typeof reopenProposal>>()("ProposalWriteResult"),
  "post /api/v1/admin/proposals/import": answeredWith<Answer<typeof importProposals>>()("ProposalsImported"),
};

test("the write answers checked against the data layer's types above are the schemas the operations table names", () => {
  const named = operations.filter((operation) => operation.response && new Set(Object.values(writes) as string[]).has(operation.response));
  assert.deepEqual(
    Object.fromEntries(named.map((operation) => [`${operation.method} ${operation.path}`, operation.response])),
    writes,
    "every operation answering with a write schema is type-checked here, with the schema the table names",
  );
});
