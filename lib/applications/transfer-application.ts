import "server-only";
import { normaliseAgencyCode } from "@/lib/agency/agencies";
import { agencyIdsAcceptingApplications } from "@/lib/applications/application-agencies";
import { clockOf, statusOfClock } from "@/lib/applications/application-clock";
import { transferSchema } from "@/lib/applications/application-schemas";
import { findApplicationAgency } from "@/lib/applications/application-scope";
import { lockApplication, progressOf, type ApplicationProgress } from "@/lib/applications/handle-application";
import { findHandlingSection, isApplicationHandler } from "@/lib/applications/handling-section";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { dateColumnToIsoDate, isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { notifyApplicationRegistered } from "@/lib/notifications/record-notifications";
import { parseInput } from "@/lib/validation";

/** The application as it stands after the transfer: its progress at the receiving agency, which it now belongs to. */
export type TransferredApplication = ApplicationProgress & { agencyCode: string; agencyName: string; receivedOn: string };

const v = messages.applications.validation;
const e = messages.applications.stepErrors;

/**
 * 转送 (集约化): the handling section of the agency an application was made to sends it, while it is
 * open, to the agency of the platform that holds the information. In one transaction: a `transfer`
 * step (the day, the reason, both agencies) is recorded, the application's agency changes, the audit
 * log records it, the receiving agency's handling section is told.
 *
 * From then on the application is the receiving agency's: the sending agency no longer reaches it
 * (404; its own audit row of the transfer stays in its log), the receiving agency sees the whole
 * history, the applicant's status page names it, and the report figures count it there.
 *
 * The time limit: the receiving agency's 20 working days count from its receipt, the day of the
 * transfer (lib/applications/deadlines.ts: a `transfer` step restarts the clock; the sending agency's
 * pauses and extension do not carry over). Refused: another or unknown agency (field error), the
 * agency itself, an agency that does not accept applications (no handling section), an application
 * decided, paused (补正, consultation, fee) or with a fee notice, a day before the last step or after today
 * (the day is today when not given). The console's form and `POST /api/v1/admin/applications/{id}/transfer`
 * both come here.
 */
export async function transferApplication(actor: ActingUser, applicationId: number, input: unknown): Promise<TransferredApplication> {
  // Another agency's application is "not found" before anything is said about who may handle it.
  const fromAgencyId = await findApplicationAgency(actor, applicationId);
  assertPermitted(actor, "application.handle");
  const section = await findHandlingSection(db, fromAgencyId);
  if (!isApplicationHandler(actor, section?.id)) throw new ForbiddenError(messages.applications.console.detail.cannotHandle);
  const { agencyCode, reason: note, date: givenDate } = parseInput(transferSchema, input);
  const calendar = await loadWorkingDayCalendar();
  const today = todayInBeijing();
  const date = givenDate ?? today;
  return db.$transaction(async (tx) => {
    const application = await lockApplication(tx, applicationId, actor);
    if (application.agencyId !== fromAgencyId) throw new ConflictError(e.transferNotOpen, "invalid_state");
    if (application.source === "ledger") throw new ConflictError(messages.applications.stepErrors.ledgerRow, "invalid_state");
    const target = await tx.agency.findUnique({ where: { code: normaliseAgencyCode(agencyCode) }, select: { id: true, code: true, name: true } });
    if (!target) throw new ValidationError({ agencyCode: [v.transferUnknownAgency] });
    if (target.id === fromAgencyId) throw new ValidationError({ agencyCode: [v.transferSameAgency] });
    if (!(await agencyIdsAcceptingApplications(tx)).has(target.id)) throw new ValidationError({ agencyCode: [v.transferNotAccepting] });

    const facts = {
      receiptMethod: application.receiptMethod,
      submittedOn: application.submittedOn,
      receivedOn: application.receivedOn,
      steps: application.steps,
    };
    const before = clockOf(calendar, facts, today);
    if (before.decidedOn || before.answeredOn || before.openPause || application.reply) throw new ConflictError(e.transferNotOpen, "invalid_state");
    if (application.fee) throw new ConflictError(e.transferWithFee, "invalid_state");
    const lastStepOn = application.steps.reduce<string | null>((latest, step) => {
      const on = dateColumnToIsoDate(step.date);
      return latest === null || on > latest ? on : latest;
    }, null);
    if (date > today) throw new ValidationError({ date: [e.dateInFuture] });
    if (date < before.receivedOn) throw new ValidationError({ date: [e.dateBeforeReceipt] });
    if (lastStepOn && date < lastStepOn) throw new ValidationError({ date: [e.dateBeforeLastStep] });

    const step = await tx.applicationStep.create({
      data: { applicationId, type: "transfer", date: isoDateToDateColumn(date), actorId: actor.id, note, fromAgencyId, toAgencyId: target.id },
    });
    const clock = clockOf(calendar, { ...facts, steps: [...application.steps, step] }, today);
    const status = statusOfClock(clock);
    await tx.application.update({ where: { id: applicationId }, data: { agencyId: target.id, status, version: { increment: 1 } } });
    const from = await tx.agency.findUniqueOrThrow({ where: { id: fromAgencyId }, select: { code: true } });
    // As for steps: the reason stays on the step (it may name the applicant); the audit row refers to it.
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "application.transfer",
      entityType: "Application",
      entityId: applicationId,
      fromState: application.status,
      toState: status,
      details: {
        stepId: step.id,
        date,
        fromAgencyCode: from.code,
        toAgencyCode: target.code,
        receivedOn: clock.receivedOn,
        dueOn: clock.dueOn,
        withNote: true,
      },
    });
    await notifyApplicationRegistered(
      tx,
      { id: applicationId, number: application.number, agencyId: target.id },
      actor.id,
      `application_assigned:${applicationId}:transfer:${step.id}`,
    );
    return { ...progressOf(application, clock), agencyCode: target.code, agencyName: target.name, receivedOn: clock.receivedOn };
  });
}
