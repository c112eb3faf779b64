import "server-only";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/audit/record";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import type { WorkingDayCalendar } from "@/lib/deadlines/calendar";
import { beijingDayOf, dateColumnToIsoDate, isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import { db, Prisma, type DatabaseTransaction } from "@/lib/db";
import { decisionColumns, decisionFieldLabel, isDecisionKind, type DecisionFieldKey } from "@/lib/decisions/decision-fields";
import { loadPublicityPeriods, type PublicityPeriods } from "@/lib/decisions/publicity-periods";
import { computeDecisionDisclosureDeadline, computePublicUntil } from "@/lib/decisions/publicity-rules";
import { validateDecisionValues, type DecisionInputValues, type DecisionRecord } from "@/lib/decisions/validate-decision";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from "@/lib/errors";
import type { DecisionKind, ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import type { RegisterWriteResult } from "@/lib/powers/manage-powers";
import { canEditRegisterEntry, decideRegisterTransition, type RegisterAction } from "@/lib/powers/register-review";
import { registerTransitionSchema } from "@/lib/powers/register-schemas";
import { bumpPublicContentVersion } from "@/lib/public-content/content-version";
import { parseInput } from "@/lib/validation";
import { decideItemTransition } from "@/lib/workflow/item-workflow";
import { z } from "zod";
import { currentTime } from "@/lib/clock";

const m = messages.registers;
const p = m.decisions.problems;

/** The columns a validated decision fills, with the dates it derives. */
export function decisionColumnsData(record: DecisionRecord, calendar: WorkingDayCalendar, periods: PublicityPeriods) {
  return {
    kind: record.kind,
    counterpartyName: record.counterpartyName,
    counterpartyCategory: record.counterpartyCategory,
    creditCode: record.creditCode,
    legalRepresentative: record.legalRepresentative,
    idNumber: record.idNumber,
    documentNumber: record.documentNumber,
    licenseName: record.licenseName,
    licenseContent: record.licenseContent,
    violationType: record.violationType,
    violationFacts: record.violationFacts,
    penaltyBasis: record.penaltyBasis,
    penaltyCategories: record.penaltyCategories,
    penaltyContent: record.penaltyContent,
    penaltyAmount: record.penaltyAmount,
    coercionCategory: record.coercionCategory,
    coercionContent: record.coercionContent,
    decisionDate: isoDateToDateColumn(record.decisionDate),
    validFrom: isoDateToDateColumn(record.validFrom),
    validUntil: isoDateToDateColumn(record.validUntil),
    authorityName: record.authorityName,
    authorityCreditCode: record.authorityCreditCode,
    dataSourceName: record.dataSourceName,
    remarks: record.remarks,
    disclosureDueOn: isoDateToDateColumn(computeDecisionDisclosureDeadline(calendar, record.decisionDate).due),
    publicUntil: isoDateToDateColumn(computePublicUntil(record.decisionDate, periods[record.kind])),
  };
}

/**
 * The decision's fields of form or API input as text: a number becomes its digits, a list its
 * items; anything else (an object, a list of objects, true) is refused per field, in Chinese.
 */
function decisionTextValues(kind: DecisionKind, input: unknown): DecisionInputValues {
  const given = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const asText = (value: unknown): string | undefined =>
    typeof value === "string" ? value : typeof value === "number" && Number.isFinite(value) ? String(value) : undefined;
  const values: DecisionInputValues = {};
  const fields: FieldErrors = {};
  for (const { key } of decisionColumns(kind)) {
    const value = Object.hasOwn(given, key) ? given[key] : undefined;
    if (value === undefined || value === null) continue;
    const text = Array.isArray(value) ? value.map(asText) : asText(value);
    if (text === undefined || (Array.isArray(text) && text.some((part) => part === undefined))) fields[key] = [p.notText(decisionFieldLabel(key))];
    else values[key] = text as string | string[];
  }
  if (Object.keys(fields).length) throw new ValidationError(fields);
  return values;
}

/** Validates form or API values; problems come back per field, in Chinese. */
export function validateDecisionInput(kind: DecisionKind, input: unknown, now = currentTime()): DecisionRecord {
  const { record, problems } = validateDecisionValues(kind, decisionTextValues(kind, input), { today: todayInBeijing(now) });
  if (!record) {
    const fields: FieldErrors = {};
    for (const problem of problems) (fields[problem.field] ??= []).push(problem.message);
    throw new ValidationError(fields);
  }
  return record;
}

const kindSchema = z.object({ kind: z.string({ error: p.kindInvalid }).refine(isDecisionKind, { error: p.kindInvalid }) });

async function assertUniqueDocumentNumber(tx: DatabaseTransaction, kind: DecisionKind, documentNumber: string, exceptId?: number): Promise<void> {
  const clash = await tx.administrativeDecision.findUnique({ where: { kind_documentNumber: { kind, documentNumber } }, select: { id: true } });
  if (clash && clash.id !== exceptId) throw new ValidationError({ documentNumber: [p.duplicateExisting] });
}

function rethrowDuplicate(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ValidationError({ documentNumber: [p.duplicateExisting] });
  throw error;
}

/** A decision typed in the console, as a draft of the author's section. */
export async function createDecision(actor: ActingUser, input: unknown, now = currentTime()): Promise<RegisterWriteResult> {
  assertPermitted(actor, "decision.edit");
  const { kind } = parseInput(kindSchema, input) as { kind: DecisionKind };
  const record = validateDecisionInput(kind, input, now);
  const [calendar, periods] = await Promise.all([loadWorkingDayCalendar(), loadPublicityPeriods()]);
  return db.$transaction(async (tx) => {
    await assertUniqueDocumentNumber(tx, kind, record.documentNumber);
    const decision = await tx.administrativeDecision.create({
      data: { ...decisionColumnsData(record, calendar, periods), sectionId: actor.sectionId, authorId: actor.id, lastEditorId: actor.id },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id, action: "decision.create", entityType: "AdministrativeDecision", entityId: decision.id, toState: "draft",
      details: { kind, documentNumber: record.documentNumber },
    });
    return { id: decision.id, state: decision.state, version: decision.version };
  }).catch(rethrowDuplicate);
}

type DecisionRow = Prisma.AdministrativeDecisionGetPayload<object>;

export async function lockDecisionForWrite(tx: DatabaseTransaction, decisionId: number, expectedVersion: number | null | undefined): Promise<DecisionRow> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "AdministrativeDecision" WHERE id = ${decisionId} FOR UPDATE`;
  if (!rows.length) throw new NotFoundError(m.decisions.notFound);
  const decision = await tx.administrativeDecision.findUniqueOrThrow({ where: { id: decisionId } });
  if (expectedVersion != null && expectedVersion !== decision.version) throw new ConflictError(m.review.staleVersion, "stale_version");
  return decision;
}

export function decisionSubject(decision: { state: ItemState; sectionId: number; authorId: number; lastEditorId: number }) {
  return { state: decision.state, sectionId: decision.sectionId, authorId: decision.authorId, lastEditorId: decision.lastEditorId };
}

/** The stored decision as form values (dates YYYY-MM-DD, categories as labels). */
export function decisionValuesOf(decision: DecisionRow): Record<DecisionFieldKey, string> {
  const values = {} as Record<DecisionFieldKey, string>;
  for (const column of decisionColumns(decision.kind)) {
    const value = decision[column.key];
    if (value === null || value === undefined) values[column.key] = "";
    else if (value instanceof Date) values[column.key] = dateColumnToIsoDate(value);
    else if (Array.isArray(value)) values[column.key] = value.join("；");
    else values[column.key] = String(value);
  }
  values.counterpartyCategory = decision.counterpartyCategory;
  return values;
}

/**
 * Saves a change to a draft decision. Published decisions are corrected by withdrawing and
 * restoring them first, so the public never sees an unreviewed change.
 */
export async function updateDecision(actor: ActingUser, decisionId: number, input: unknown, now = currentTime()): Promise<RegisterWriteResult> {
  assertPermitted(actor, "decision.edit");
  const version = parseInput(z.object({ version: z.coerce.number({ error: "缺少版本号。" }).int().positive({ error: "缺少版本号。" }) }), input).version;
  const [calendar, periods] = await Promise.all([loadWorkingDayCalendar(), loadPublicityPeriods()]);
  return db.$transaction(async (tx) => {
    const decision = await lockDecisionForWrite(tx, decisionId, version);
    if (decision.state !== "draft") throw new ConflictError(m.decisions.console.notEditable, "invalid_state");
    if (!canEditRegisterEntry(actor, decisionSubject(decision))) throw new ForbiddenError(m.review.notEditable);
    const record = validateDecisionInput(decision.kind, input, now);
    await assertUniqueDocumentNumber(tx, decision.kind, record.documentNumber, decision.id);
    const before = decisionValuesOf(decision);
    const updated = await tx.administrativeDecision.update({
      where: { id: decision.id },
      data: { ...decisionColumnsData(record, calendar, periods), version: { increment: 1 }, lastEditorId: actor.id },
    });
    const after = decisionValuesOf(updated);
    const changedFields = (Object.keys(after) as DecisionFieldKey[]).filter((key) => after[key] !== before[key]);
    await recordAuditEvent(tx, {
      actorId: actor.id, action: "decision.edit", entityType: "AdministrativeDecision", entityId: decision.id, fromState: "draft", toState: "draft",
      details: { changedFields },
    });
    return { id: updated.id, state: updated.state, version: updated.version };
  }).catch(rethrowDuplicate);
}

/** Publication data: the first publication is kept (and whether it met the 7-working-day deadline). */
function publicationData(decision: Pick<DecisionRow, "publishedAt" | "publishedOnTime" | "disclosureDueOn">, now: Date) {
  if (decision.publishedAt) return { withdrawnAt: null, withdrawalReason: null };
  return { publishedAt: now, publishedOnTime: beijingDayOf(now) <= dateColumnToIsoDate(decision.disclosureDueOn), withdrawnAt: null, withdrawalReason: null };
}

/** A review step on one decision. */
export async function transitionDecision(actor: ActingUser, decisionId: number, request: unknown, now = currentTime()): Promise<RegisterWriteResult> {
  const { action, comment, version } = parseInput(registerTransitionSchema, request);
  return db.$transaction(async (tx) => {
    const decision = await lockDecisionForWrite(tx, decisionId, version);
    const to = decideRegisterTransition(actor, decisionSubject(decision), action, comment, m.review);
    const data: Prisma.AdministrativeDecisionUpdateInput = { state: to, version: { increment: 1 } };
    if (to === "published") Object.assign(data, publicationData(decision, now));
    if (to === "withdrawn") Object.assign(data, { withdrawnAt: now, withdrawalReason: comment });
    const updated = await tx.administrativeDecision.update({ where: { id: decision.id }, data });
    if (to === "published" || to === "withdrawn") await bumpPublicContentVersion(tx);
    await recordAuditEvent(tx, {
      actorId: actor.id, action: `decision.${action}`, entityType: "AdministrativeDecision", entityId: decision.id, fromState: decision.state, toState: to,
      comment: comment ?? null, details: { kind: decision.kind, documentNumber: decision.documentNumber },
    });
    return { id: updated.id, state: updated.state, version: updated.version };
  });
}

/** Review steps an import batch can take as a whole. */
export const batchActions = ["submit", "approve", "return"] as const satisfies readonly RegisterAction[];

const batchTransitionSchema = z.object({
  action: z.enum(batchActions, { error: "未知的操作。" }),
  comment: z.string().trim().max(2000, { error: "意见最多 2000 个字。" }).nullish(),
});

const idChunk = 5000;

function chunks<Value>(values: Value[], size: number): Value[][] {
  const result: Value[][] = [];
  for (let index = 0; index < values.length; index += size) result.push(values.slice(index, index + size));
  return result;
}

/**
 * Takes one review step on every decision of an import batch that this person may take it on
 * now (e.g. a section head approves the batch's decisions waiting for section review). Each
 * decision is checked against the workflow table as if it were taken alone, and gets its own
 * audit row; the batch gets one more.
 */
export async function transitionDecisionBatch(actor: ActingUser, batchId: number, request: unknown, now = currentTime()): Promise<{ count: number; to: ItemState }> {
  const { action, comment } = parseInput(batchTransitionSchema, request);
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "DecisionImportBatch" WHERE id = ${batchId} FOR UPDATE`;
    if (!locked.length) throw new NotFoundError(m.decisions.notFound);
    const decisions = await tx.administrativeDecision.findMany({
      where: { importBatchId: batchId },
      select: { id: true, state: true, sectionId: true, authorId: true, lastEditorId: true, publishedAt: true, publishedOnTime: true, disclosureDueOn: true },
    });
    const taken: { id: number; from: ItemState; to: ItemState; publishedAt: Date | null; due: string }[] = [];
    let commentMissing = false;
    for (const decision of decisions) {
      const verdict = decideItemTransition({
        actor, action, comment,
        subject: { state: decision.state, sectionId: decision.sectionId, authorId: decision.authorId, revisionAuthorId: decision.lastEditorId },
      });
      if (verdict.allowed) taken.push({ id: decision.id, from: decision.state, to: verdict.to, publishedAt: decision.publishedAt, due: dateColumnToIsoDate(decision.disclosureDueOn) });
      else if (verdict.status === 422) commentMissing = true;
    }
    if (!taken.length) {
      if (commentMissing) throw new ValidationError({ comment: [m.review.commentRequired] });
      throw new ConflictError(m.decisions.console.batchNothing, "invalid_state");
    }
    const to = taken[0].to;
    const today = beijingDayOf(now);
    for (const group of chunks(taken, idChunk)) {
      const ids = group.map((entry) => entry.id);
      await tx.administrativeDecision.updateMany({ where: { id: { in: ids } }, data: { state: to, version: { increment: 1 } } });
      if (to === "published") {
        await tx.administrativeDecision.updateMany({ where: { id: { in: ids } }, data: { withdrawnAt: null, withdrawalReason: null } });
        const first = group.filter((entry) => !entry.publishedAt);
        const onTime = first.filter((entry) => today <= entry.due).map((entry) => entry.id);
        const late = first.filter((entry) => today > entry.due).map((entry) => entry.id);
        if (onTime.length) await tx.administrativeDecision.updateMany({ where: { id: { in: onTime } }, data: { publishedAt: now, publishedOnTime: true } });
        if (late.length) await tx.administrativeDecision.updateMany({ where: { id: { in: late } }, data: { publishedAt: now, publishedOnTime: false } });
      }
      await tx.auditEvent.createMany({
        data: group.map((entry) => ({
          actorId: actor.id, action: `decision.${action}`, entityType: "AdministrativeDecision", entityId: String(entry.id),
          fromState: entry.from, toState: entry.to, comment: comment ?? null, occurredAt: now, details: { batchId },
        })),
      });
    }
    if (to === "published") await bumpPublicContentVersion(tx);
    await recordAuditEvent(tx, {
      actorId: actor.id, action: `decision_batch.${action}`, entityType: "DecisionImportBatch", entityId: batchId, toState: to,
      comment: comment ?? null, details: { count: taken.length },
    });
    return { count: taken.length, to };
  }, { timeout: 120_000, maxWait: 10_000 });
}
