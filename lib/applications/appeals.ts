import "server-only";
import { tallyAppeals, type AppealRecord } from "@/lib/applications/appeal-tally";
import { appealSchema, appealUpdateSchema } from "@/lib/applications/application-schemas";
import { findHandlingSection, isApplicationHandler } from "@/lib/applications/handling-section";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { dateColumnToIsoDate, isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { parseInput } from "@/lib/validation";

export { tallyAppeals, table4Order, type AppealRecord } from "@/lib/applications/appeal-tally";

/** Reconsideration (行政复议) and litigation (行政诉讼) records about an application's reply. */

async function assertMayRecord(actor: ActingUser): Promise<void> {
  assertPermitted(actor, "application.record_appeal");
  if (actor.role === "leader") return;
  const section = await findHandlingSection();
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

export async function recordAppeal(actor: ActingUser, applicationId: number, input: unknown): Promise<{ id: number; kind: "reconsideration" | "litigation" }> {
  await assertMayRecord(actor);
  const data = parseInput(appealSchema, input);
  checkDates(data.filedOn, data.resultOn, data.result);
  return db.$transaction(async (tx) => {
    if (!(await tx.application.findUnique({ where: { id: applicationId }, select: { id: true } })))
      throw new NotFoundError(messages.common.notFound.application);
    const common = {
      applicationId,
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
      details: { applicationId, filedOn: data.filedOn },
    });
    return { id: record.id, kind: data.kind };
  });
}

export async function updateAppealResult(actor: ActingUser, kind: "reconsideration" | "litigation", id: number, input: unknown): Promise<void> {
  await assertMayRecord(actor);
  const data = parseInput(appealUpdateSchema, input);
  await db.$transaction(async (tx) => {
    const before = kind === "reconsideration" ? await tx.reconsideration.findUnique({ where: { id } }) : await tx.litigation.findUnique({ where: { id } });
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
      details: { applicationId: before.applicationId },
    });
  });
}

/**
 * Table 4 of the annual report for `year`: 15 numbers in the official order — 行政复议 [结果维持,
 * 结果纠正, 其他结果, 尚未审结, 总计], 行政诉讼 未经复议直接起诉 [same five], 复议后起诉 [same five].
 * Cases filed in the year count, and cases carried over from earlier years undecided on 1 January,
 * each with its result as it stood on 31 December (`tallyAppeals`).
 */
export async function countAppealsForReport(year: number): Promise<number[]> {
  const start = isoDateToDateColumn(`${year}-01-01`);
  const where = {
    filedOn: { lte: isoDateToDateColumn(`${year}-12-31`) },
    OR: [{ filedOn: { gte: start } }, { result: "pending" as const }, { resultOn: null }, { resultOn: { gte: start } }],
  };
  const [reconsiderations, litigations] = await Promise.all([db.reconsideration.findMany({ where }), db.litigation.findMany({ where })]);
  const records: AppealRecord[] = [
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
  return tallyAppeals(records, year);
}
