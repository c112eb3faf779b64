import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { currentTime } from "@/lib/clock";
import { dateColumnToIsoDate, isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import { db, Prisma, type DatabaseTransaction } from "@/lib/db";
import type { WorkingDayCalendar } from "@/lib/deadlines/calendar";
import { decisionColumns, decisionFieldLabel, isDecisionKind, type DecisionFieldKey } from "@/lib/decisions/decision-fields";
import { loadPublicityPeriods, type PublicityPeriods } from "@/lib/decisions/publicity-periods";
import { computeDecisionDisclosureDeadline, computePublicUntil, publicityMonthsOf } from "@/lib/decisions/publicity-rules";
import { validateDecisionValues, type DecisionInputValues, type DecisionRecord } from "@/lib/decisions/validate-decision";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from "@/lib/errors";
import type { DecisionKind, ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { assertSectionInAgencyScope } from "@/lib/powers/agency-guard";
import type { RegisterWriteResult } from "@/lib/powers/manage-powers";
import { canEditRegisterEntry } from "@/lib/powers/register-review";
import { parseInput } from "@/lib/validation";

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
    idType: record.idType,
    idNumber: record.idNumber,
    documentNumber: record.documentNumber,
    licenseCategory: record.licenseCategory,
    licenseDocumentName: record.licenseDocumentName,
    licenseNumber: record.licenseNumber,
    licenseName: record.licenseName,
    licenseContent: record.licenseContent,
    licenseStatus: record.licenseStatus,
    violationType: record.violationType,
    violationFacts: record.violationFacts,
    penaltyBasis: record.penaltyBasis,
    penaltyCategories: record.penaltyCategories,
    penaltyContent: record.penaltyContent,
    penaltyAmount: record.penaltyAmount,
    fineAmount: record.fineAmount,
    confiscationAmount: record.confiscationAmount,
    suspendedLicense: record.suspendedLicense,
    penaltyProcedure: record.penaltyProcedure,
    penaltySeverity: record.penaltySeverity,
    coercionCategory: record.coercionCategory,
    coercionContent: record.coercionContent,
    decisionDate: isoDateToDateColumn(record.decisionDate),
    validFrom: isoDateToDateColumn(record.validFrom),
    validUntil: isoDateToDateColumn(record.validUntil),
    authorityName: record.authorityName,
    authorityCreditCode: record.authorityCreditCode,
    dataSourceName: record.dataSourceName,
    dataSourceCreditCode: record.dataSourceCreditCode,
    remarks: record.remarks,
    disclosureDueOn: isoDateToDateColumn(computeDecisionDisclosureDeadline(calendar, record.decisionDate).due),
    publicUntil: isoDateToDateColumn(computePublicUntil(record.decisionDate, publicityMonthsOf(record, periods))),
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
  for (const { key, computed } of decisionColumns(kind)) {
    if (computed) continue;
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
  return db
    .$transaction(async (tx) => {
      await assertUniqueDocumentNumber(tx, kind, record.documentNumber);
      const decision = await tx.administrativeDecision.create({
        data: { ...decisionColumnsData(record, calendar, periods), sectionId: actor.sectionId, authorId: actor.id, lastEditorId: actor.id },
      });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "decision.create",
        entityType: "AdministrativeDecision",
        entityId: decision.id,
        toState: "draft",
        details: { kind, documentNumber: record.documentNumber },
      });
      return { id: decision.id, state: decision.state, version: decision.version };
    })
    .catch(rethrowDuplicate);
}

type DecisionRow = Prisma.AdministrativeDecisionGetPayload<object>;

/** Locks a decision for a write: another agency's is 404 to `actor` before its version is compared. */
export async function lockDecisionForWrite(
  tx: DatabaseTransaction,
  decisionId: number,
  expectedVersion: number | null | undefined,
  actor: ActingUser | "system",
): Promise<DecisionRow> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "AdministrativeDecision" WHERE id = ${decisionId} FOR UPDATE`;
  if (!rows.length) throw new NotFoundError(m.decisions.notFound);
  const decision = await tx.administrativeDecision.findUniqueOrThrow({ where: { id: decisionId } });
  if (actor !== "system") await assertSectionInAgencyScope(tx, actor, decision.sectionId, m.decisions.notFound);
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
  const version = parseInput(
    z.object({
      version: z.coerce.number({ error: messages.common.validation.versionMissing }).int().positive({ error: messages.common.validation.versionMissing }),
    }),
    input,
  ).version;
  const [calendar, periods] = await Promise.all([loadWorkingDayCalendar(), loadPublicityPeriods()]);
  return db
    .$transaction(async (tx) => {
      const decision = await lockDecisionForWrite(tx, decisionId, version, actor);
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
        actorId: actor.id,
        action: "decision.edit",
        entityType: "AdministrativeDecision",
        entityId: decision.id,
        fromState: "draft",
        toState: "draft",
        details: { changedFields },
      });
      return { id: updated.id, state: updated.state, version: updated.version };
    })
    .catch(rethrowDuplicate);
}
