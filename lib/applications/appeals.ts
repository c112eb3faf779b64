import "server-only";
import { tallyAppeals, type AppealRecord } from "@/lib/applications/appeal-tally";
import { appealSchema, appealUpdateSchema, proactiveAppealSchema } from "@/lib/applications/application-schemas";
import { agencyOfAppeal, appealsInScope, findApplicationAgency, isDefaultAgency } from "@/lib/applications/application-scope";
import { findHandlingSection, isApplicationHandler } from "@/lib/applications/handling-section";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { dateColumnToIsoDate, isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { AppealResult } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { parseInput } from "@/lib/validation";

export { tallyAppeals, table4Order, type AppealRecord } from "@/lib/applications/appeal-tally";

/** Reconsideration (行政复议) and litigation (行政诉讼) records about an application's reply. */

/** Leaders, and the handling section of the agency the case belongs to (none but the default agency's yet, 集约化). */
async function assertMayRecord(actor: ActingUser, agencyId: number): Promise<void> {
  assertPermitted(actor, "application.record_appeal");
  if (actor.role === "leader") return;
  const section = await findHandlingSection(db, agencyId);
  if (!isApplicationHandler(actor, section?.id)) throw new ForbiddenError(messages.applications.console.detail.cannotHandle);
}

function checkDates(filedOn: string, resultOn: string | null | undefined, result: string): void {
  const fields: Record<string, string[]> = {};
  if (filedOn > todayInBeijing()) fields.filedOn = [messages.applications.stepErrors.dateInFuture];
  if (resultOn && resultOn < filedOn) fields.resultOn = [messages.applications.stepErrors.appealResultBeforeFiling];
  if (resultOn && resultOn > todayInBeijing()) fields.resultOn = [messages.applications.stepErrors.dateInFuture];
  if (result !== "pending" && !resultOn) fields.resultOn = [messages.applications.stepErrors.appealResultDateRequired];
  if (Object.keys(fields).length) throw new ValidationError(fields);
}

export type AppealKind = "reconsideration" | "litigation";

export async function recordAppeal(actor: ActingUser, applicationId: number, input: unknown): Promise<{ id: number; kind: AppealKind }> {
  // A case on this path is about an application: an id that names none, or another agency's (集约化), is not found
  // (never a case without one), before anything is said about who may record it.
  await assertMayRecord(actor, await findApplicationAgency(actor, applicationId));
  const data = parseInput(appealSchema, input);
  checkDates(data.filedOn, data.resultOn, data.result);
  return storeAppeal(actor, data, { applicationId, subject: null });
}

/**
 * A reconsideration or lawsuit about proactive disclosure (主动公开): no application, the subject
 * (what was or was not published) instead. It counts in Table 4 like every other case.
 */
export async function recordProactiveAppeal(actor: ActingUser, input: unknown): Promise<{ id: number; kind: AppealKind }> {
  await assertMayRecord(actor, actor.agencyId);
  // Such a case has no agency of its own yet: it is the default agency's (集约化), recorded by it only.
  if (!(await isDefaultAgency(actor.agencyId))) throw new ForbiddenError(messages.applications.stepErrors.proactiveAppealDefaultAgencyOnly);
  const data = parseInput(proactiveAppealSchema, input);
  checkDates(data.filedOn, data.resultOn, data.result);
  return storeAppeal(actor, data, { applicationId: null, subject: data.subject });
}

async function storeAppeal(
  actor: ActingUser,
  data: ReturnType<typeof appealSchema.parse>,
  about: { applicationId: number; subject: null } | { applicationId: null; subject: string },
): Promise<{ id: number; kind: AppealKind }> {
  const { applicationId } = about;
  return db.$transaction(async (tx) => {
    if (applicationId !== null) await findApplicationAgency(actor, applicationId, tx);
    const common = {
      ...about,
      filedOn: isoDateToDateColumn(data.filedOn),
      body: data.body,
      result: data.result,
      resultOn: isoDateToDateColumn(data.resultOn ?? null),
      note: data.note,
    };
    const record =
      data.kind === "reconsideration"
        ? await tx.reconsideration.create({ data: common })
        : await tx.litigation.create({ data: { ...common, afterReconsideration: data.afterReconsideration ?? false } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: `application.${data.kind}.create`,
      entityType: data.kind === "reconsideration" ? "Reconsideration" : "Litigation",
      entityId: record.id,
      toState: data.result,
      details: { applicationId, subject: about.subject, filedOn: data.filedOn },
    });
    return { id: record.id, kind: data.kind };
  });
}

export type AppealCase = {
  kind: AppealKind;
  id: number;
  filedOn: string;
  body: string;
  result: string;
  resultOn: string | null;
  afterReconsideration: boolean;
  note: string | null;
  /** The application the case is about, or null for a case about proactive disclosure. */
  application: { id: number; number: string } | null;
  subject: string | null;
};

/**
 * Every reconsideration and lawsuit of the agency's disclosure work, newest first: those about
 * applications (recorded on the application's page) and those about proactive disclosure. The
 * notes are for those who may record cases (the handling section and leaders), as on an application's page.
 */
export async function listAppealCases(actor: ActingUser): Promise<{ cases: AppealCase[]; canRecord: boolean }> {
  assertPermitted(actor, "application.read");
  const canRecord = await mayRecord(actor);
  const include = { application: { select: { id: true, number: true } } } as const;
  // The actor's agency's cases only (集约化): those about its applications, and the proactive ones for the default agency.
  const where = await appealsInScope(actor);
  const [reconsiderations, litigations] = await Promise.all([
    db.reconsideration.findMany({ where, include, orderBy: [{ filedOn: "desc" }, { id: "desc" }] }),
    db.litigation.findMany({ where, include, orderBy: [{ filedOn: "desc" }, { id: "desc" }] }),
  ]);
  const caseOf = (kind: AppealKind, record: (typeof reconsiderations)[number] & { afterReconsideration?: boolean }): AppealCase => ({
    kind,
    id: record.id,
    filedOn: dateColumnToIsoDate(record.filedOn),
    body: record.body,
    result: record.result,
    resultOn: dateColumnToIsoDate(record.resultOn),
    afterReconsideration: record.afterReconsideration ?? false,
    note: canRecord ? record.note : null,
    application: record.application,
    subject: record.subject,
  });
  const cases = [...reconsiderations.map((record) => caseOf("reconsideration", record)), ...litigations.map((record) => caseOf("litigation", record))];
  cases.sort((a, b) => (a.filedOn === b.filedOn ? b.id - a.id : a.filedOn < b.filedOn ? 1 : -1));
  return { cases, canRecord };
}

async function mayRecord(actor: ActingUser): Promise<boolean> {
  try {
    await assertMayRecord(actor, actor.agencyId);
    return true;
  } catch (error) {
    if (error instanceof ForbiddenError) return false;
    throw error;
  }
}

export async function updateAppealResult(actor: ActingUser, kind: "reconsideration" | "litigation", id: number, input: unknown): Promise<void> {
  // Another agency's case is "not found" (集约化), before anything is said about who may record it.
  const where = { id: Number.isSafeInteger(id) ? id : 0, ...(await appealsInScope(actor)) };
  const found = kind === "reconsideration" ? await db.reconsideration.findFirst({ where }) : await db.litigation.findFirst({ where });
  if (!found) throw new NotFoundError();
  await assertMayRecord(actor, await agencyOfAppeal(found));
  const data = parseInput(appealUpdateSchema, input);
  await db.$transaction(async (tx) => {
    const before = kind === "reconsideration" ? await tx.reconsideration.findFirst({ where }) : await tx.litigation.findFirst({ where });
    if (!before) throw new NotFoundError();
    checkDates(dateColumnToIsoDate(before.filedOn), data.resultOn, data.result);
    const change = { result: data.result, resultOn: isoDateToDateColumn(data.resultOn ?? null), note: data.note ?? before.note };
    if (kind === "reconsideration") await tx.reconsideration.update({ where: { id }, data: change });
    else await tx.litigation.update({ where: { id }, data: change });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: `application.${kind}.update`,
      entityType: kind === "reconsideration" ? "Reconsideration" : "Litigation",
      entityId: id,
      fromState: before.result,
      toState: data.result,
      details: { applicationId: before.applicationId, subject: before.subject },
    });
  });
}

/**
 * Table 4 of the annual report for `year`: 15 numbers in the official order — 行政复议 [结果维持,
 * 结果纠正, 其他结果, 尚未审结, 总计], 行政诉讼 未经复议直接起诉 [same five], 复议后起诉 [same five].
 * Cases filed in the year count, and cases carried over from earlier years undecided on 1 January,
 * each with its result as it stood on 31 December (`tallyAppeals`). With `agencyId`, that agency's
 * cases only (集约化: those about its applications; the proactive ones are the default agency's).
 */
export async function countAppealsForReport(year: number, options: { agencyId?: number } = {}): Promise<number[]> {
  const start = isoDateToDateColumn(`${year}-01-01`);
  const where = {
    filedOn: { lte: isoDateToDateColumn(`${year}-12-31`) },
    OR: [{ filedOn: { gte: start } }, { result: "pending" as const }, { resultOn: null }, { resultOn: { gte: start } }],
    ...(options.agencyId === undefined
      ? {}
      : {
          AND: [
            {
              OR: [{ application: { agencyId: options.agencyId } }, ...((await isDefaultAgency(options.agencyId)) ? [{ applicationId: null }] : [])],
            },
          ],
        }),
  };
  const [reconsiderations, litigations] = await Promise.all([db.reconsideration.findMany({ where }), db.litigation.findMany({ where })]);
  return tallyAppeals(appealRecordsOf(reconsiderations, litigations), year);
}

type StoredAppeal = { filedOn: Date; result: AppealResult; resultOn: Date | null };

function appealRecordsOf(
  reconsiderations: readonly StoredAppeal[],
  litigations: readonly (StoredAppeal & { afterReconsideration: boolean })[],
): AppealRecord[] {
  return [
    ...reconsiderations.map((record) => ({
      kind: "reconsideration" as const,
      filedOn: dateColumnToIsoDate(record.filedOn),
      result: record.result,
      resultOn: dateColumnToIsoDate(record.resultOn),
      afterReconsideration: false,
    })),
    ...litigations.map((record) => ({
      kind: "litigation" as const,
      filedOn: dateColumnToIsoDate(record.filedOn),
      result: record.result,
      resultOn: dateColumnToIsoDate(record.resultOn),
      afterReconsideration: record.afterReconsideration,
    })),
  ];
}

/**
 * Table 4 of each of the agencies (the platform's summary, 集约化), from one read of the cases: a case
 * about an application counts in the application's agency, a case about proactive disclosure in
 * the default agency's, as `countAppealsForReport` counts them.
 */
export async function countAppealsForReportByAgency(year: number, agencyIds: readonly number[], defaultAgencyId: number): Promise<Map<number, number[]>> {
  const start = isoDateToDateColumn(`${year}-01-01`);
  const where = {
    filedOn: { lte: isoDateToDateColumn(`${year}-12-31`) },
    OR: [{ filedOn: { gte: start } }, { result: "pending" as const }, { resultOn: null }, { resultOn: { gte: start } }],
  };
  const include = { application: { select: { agencyId: true } } };
  const [reconsiderations, litigations] = await Promise.all([db.reconsideration.findMany({ where, include }), db.litigation.findMany({ where, include })]);
  const agencyOf = (record: { application: { agencyId: number } | null }) => record.application?.agencyId ?? defaultAgencyId;
  return new Map(
    agencyIds.map((agencyId) => [
      agencyId,
      tallyAppeals(
        appealRecordsOf(
          reconsiderations.filter((record) => agencyOf(record) === agencyId),
          litigations.filter((record) => agencyOf(record) === agencyId),
        ),
        year,
      ),
    ]),
  );
}
