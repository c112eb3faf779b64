import "server-only";
import { normaliseAgencyCode } from "@/lib/agency/agencies";
import { clockOf, statusOfClock, type ClockFacts } from "@/lib/applications/application-clock";
import { decisionSchema, stepSchema, type StepInput } from "@/lib/applications/application-schemas";
import { applicationNotFound, assertApplicationInScope, findApplicationAgency } from "@/lib/applications/application-scope";
import {
  computeDefaultCorrectionDeadline,
  computeFeePaymentDeadline,
  findNoticeReceiptProblems,
  findStepProblems,
  presumeNoticeReceipt,
  type ApplicationClock,
  type ClockStep,
  type StepProblem,
} from "@/lib/applications/deadlines";
import { findApplicationRules, findHandlingSection, isApplicationHandler, mayApproveExtension } from "@/lib/applications/handling-section";
import type { ApplicationOutcomeSlug } from "@/lib/applications/outcomes";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { dateColumnToIsoDate, isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import { db, type DatabaseTransaction } from "@/lib/db";
import type { WorkingDayCalendar } from "@/lib/deadlines/calendar";
import { ConflictError, ForbiddenError, ValidationError, type FieldErrors } from "@/lib/errors";
import { quoteFee } from "@/lib/fees/fee-calculator";
import { messages } from "@/lib/i18n";
import { alreadyPublicLegalBasis, defaultReplyTemplate, fillReplyTemplate } from "@/lib/reply-letters/default-templates";
import { findReplyTemplate } from "@/lib/reply-letters/manage-templates";
import { parseInput } from "@/lib/validation";

export type ApplicationProgress = {
  id: number;
  number: string;
  status: string;
  dueOn: string | null;
  provisional: boolean;
  overdue: boolean;
  explanation: string[];
};

/**
 * Locks the application row for the rest of the transaction and loads what the clock needs. With an
 * actor: an application of an agency it does not reach is "not found" (集约化).
 */
export async function lockApplication(tx: DatabaseTransaction, applicationId: number, actor: ActingUser | "system" = "system") {
  if (!Number.isSafeInteger(applicationId)) throw applicationNotFound();
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Application" WHERE id = ${applicationId} FOR UPDATE`;
  if (!rows.length) throw applicationNotFound();
  const application = await tx.application.findUniqueOrThrow({ where: { id: applicationId }, include: { steps: true, reply: true, fee: true } });
  assertApplicationInScope(actor, application);
  return application;
}

type LockedApplication = Awaited<ReturnType<typeof lockApplication>>;

/** Rows imported from a ledger are history: they are counted, not handled. */
function assertHandledHere(application: LockedApplication): void {
  if (application.source === "ledger") throw new ConflictError(messages.applications.stepErrors.ledgerRow, "invalid_state");
}

function factsOf(application: LockedApplication): ClockFacts {
  return { receiptMethod: application.receiptMethod, submittedOn: application.submittedOn, receivedOn: application.receivedOn, steps: application.steps };
}

export function progressOf(application: { id: number; number: string }, clock: ApplicationClock): ApplicationProgress {
  return {
    id: application.id,
    number: application.number,
    status: statusOfClock(clock),
    dueOn: clock.dueOn,
    provisional: clock.provisional,
    overdue: clock.overdue,
    explanation: clock.explanation,
  };
}

function problemsToFields(problems: StepProblem[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const problem of problems) (fields[problem.field] ??= []).push(problem.message);
  return fields;
}

/** Staff of the handling section of the application's agency (集约化: each agency its own). */
async function assertHandler(actor: ActingUser, agencyId: number): Promise<void> {
  assertPermitted(actor, "application.handle");
  const section = await findHandlingSection(db, agencyId);
  if (!isApplicationHandler(actor, section?.id)) throw new ForbiddenError(messages.applications.console.detail.cannotHandle);
}

/** The day a fee notice or consultation letter was received: as entered, or presumed from its delivery. */
function noticeReceiptOf(step: StepInput): string | null {
  if (step.type !== "fee_notice" && step.type !== "third_party_consultation" && step.type !== "agency_consultation") return null;
  return step.receivedOn ?? presumeNoticeReceipt(step.noticeDeliveryMethod, step.date);
}

async function assertExtensionApprover(actor: ActingUser, agencyId: number): Promise<void> {
  assertPermitted(actor, "application.approve_extension");
  const [rules, section] = await Promise.all([findApplicationRules(db, agencyId), findHandlingSection(db, agencyId)]);
  if (!mayApproveExtension(actor, rules, section?.id)) {
    throw new ForbiddenError(
      messages.applications.stepErrors.extensionApprover(messages.applications.console.settingsForm.extensionApproverRoles[rules.extensionApproverRole]),
    );
  }
}

function toClockStep(step: StepInput, calendar: WorkingDayCalendar): ClockStep {
  switch (step.type) {
    case "correction_request":
      return { type: step.type, date: step.date, respondBy: step.respondBy ?? computeDefaultCorrectionDeadline(calendar, step.date) };
    case "extension":
      return { type: step.type, date: step.date, days: step.days, basis: step.basis };
    case "fee_notice":
    case "third_party_consultation":
    case "agency_consultation":
      return { type: step.type, date: step.date, receivedOn: noticeReceiptOf(step) };
    case "third_party_reply":
    case "agency_reply":
      return { type: step.type, date: step.date, consultationStepId: step.consultationStepId ?? null };
    default:
      return { type: step.type, date: step.date };
  }
}

/**
 * Enters the day a notice or consultation letter was received (送达回证, the post's record): from then
 * the applicant's 20 working days to pay, or the consulted party's 15, run from the day after.
 */
async function recordNoticeReceipt(
  tx: DatabaseTransaction,
  calendar: WorkingDayCalendar,
  application: LockedApplication,
  step: Extract<StepInput, { type: "notice_received" }>,
  today: string,
) {
  const notice = application.steps.find((each) => each.id === step.noticeStepId) ?? null;
  const problems = findNoticeReceiptProblems(
    notice && { type: notice.type, date: dateColumnToIsoDate(notice.date), receivedOn: dateColumnToIsoDate(notice.noticeReceivedOn) },
    step.date,
    today,
  );
  if (problems.length) throw new ValidationError(problemsToFields(problems));
  await tx.applicationStep.update({ where: { id: notice!.id }, data: { noticeReceivedOn: isoDateToDateColumn(step.date) } });
  if (notice!.type === "fee_notice") {
    await tx.applicationFee.update({
      where: { applicationId: application.id },
      data: { receivedOn: isoDateToDateColumn(step.date), payBy: isoDateToDateColumn(computeFeePaymentDeadline(calendar, step.date)) },
    });
  }
  return application.steps.map((each) => (each.id === notice!.id ? { ...each, noticeReceivedOn: isoDateToDateColumn(step.date) } : each));
}

/**
 * Records a handling step (补正, its arrival, third-party consultation and reply, extension, fee
 * notice and payment, delivery). The rules of `findStepProblems` apply whatever the UI offered;
 * an extension is approved, and so recorded, by the role the settings name (Art. 33: the head of the
 * disclosure office by default).
 */
export async function recordStep(actor: ActingUser, applicationId: number, input: unknown): Promise<ApplicationProgress> {
  const step = parseInput(stepSchema, input);
  // Another agency's application is "not found" before anything is said about who may handle it.
  const agencyId = await findApplicationAgency(actor, applicationId);
  if (step.type === "extension") await assertExtensionApprover(actor, agencyId);
  else await assertHandler(actor, agencyId);
  const calendar = await loadWorkingDayCalendar();
  const today = todayInBeijing();
  return db.$transaction(async (tx) => {
    const application = await lockApplication(tx, applicationId, actor);
    assertHandledHere(application);
    const before = clockOf(calendar, factsOf(application), today);
    const clockStep = toClockStep(step, calendar);
    let steps = application.steps;
    if (step.type === "notice_received") {
      if (before.answeredOn || before.decidedOn) throw new ValidationError({ type: [messages.applications.stepErrors.alreadyDecided] });
      steps = await recordNoticeReceipt(tx, calendar, application, step, today);
    } else {
      const problems = findStepProblems(before, clockStep, today);
      if (problems.length) throw new ValidationError(problemsToFields(problems));
    }

    let note = step.note ?? null;
    const noticeReceivedOn = noticeReceiptOf(step);
    if (step.type === "fee_notice") {
      const quote = quoteFee(step.method, step.quantity);
      await tx.applicationFee.create({
        data: {
          applicationId,
          method: step.method,
          quantity: step.quantity,
          amountYuan: quote.amountYuan,
          breakdown: quote as never,
          noticeOn: isoDateToDateColumn(step.date),
          deliveryMethod: step.noticeDeliveryMethod ?? null,
          receivedOn: isoDateToDateColumn(noticeReceivedOn),
          payBy: noticeReceivedOn ? isoDateToDateColumn(computeFeePaymentDeadline(calendar, noticeReceivedOn)) : null,
        },
      });
      note = [quote.summary, ...quote.breakdown.map((line) => line.text), note].filter(Boolean).join("；");
    }
    if (step.type === "fee_paid") await tx.applicationFee.update({ where: { applicationId }, data: { paidOn: isoDateToDateColumn(step.date) } });

    const created = await tx.applicationStep.create({
      data: {
        applicationId,
        type: step.type,
        date: isoDateToDateColumn(step.date),
        actorId: actor.id,
        note,
        respondBy: clockStep.type === "correction_request" ? isoDateToDateColumn(clockStep.respondBy) : null,
        extensionDays: step.type === "extension" ? step.days : null,
        applicantNotifiedOn: step.type === "extension" ? isoDateToDateColumn(step.applicantNotifiedOn ?? null) : null,
        thirdParty: step.type === "third_party_consultation" ? step.thirdParty : step.type === "agency_consultation" ? step.agency : null,
        noticeDeliveryMethod: "noticeDeliveryMethod" in step ? (step.noticeDeliveryMethod ?? null) : null,
        noticeReceivedOn: isoDateToDateColumn(noticeReceivedOn),
        relatesToStepId:
          step.type === "notice_received"
            ? step.noticeStepId
            : step.type === "third_party_reply" || step.type === "agency_reply"
              ? (step.consultationStepId ?? null)
              : null,
        extensionBasis: step.type === "extension" ? step.basis : null,
        deliveryMethod: step.type === "delivery" ? (step.deliveryMethod ?? application.deliveryMethod) : null,
      },
    });
    const clock = clockOf(calendar, { ...factsOf(application), steps: [...steps, created] }, today);
    const status = statusOfClock(clock);
    await tx.application.update({ where: { id: applicationId }, data: { status, version: { increment: 1 } } });
    // The note (and a third party's name) stays on the step, readable by those who may see the
    // applicant's data; the audit log, read by every section head, records a reference to it.
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: `application.step.${step.type}`,
      entityType: "Application",
      entityId: applicationId,
      fromState: application.status,
      toState: status,
      details: { stepId: created.id, date: step.date, dueOn: clock.dueOn, withNote: Boolean(note) },
    });
    return progressOf(application, clock);
  });
}

type DecisionLetterFacts = {
  note: string | null;
  accessRoute?: string | null;
  otherAgency?: string | null;
  otherAgencyContact?: string | null;
  /** The platform agency named (its code), when the responsible agency is one of the platform's. */
  otherAgencyCode?: string | null;
};

/**
 * Art. 36(5) naming an agency of the platform (集约化): its name and contact (政府信息公开工作机构,
 * address, phone, e-mail) from its record. An unknown code, or the application's own agency, is a field error.
 */
async function responsibleAgencyOnPlatform(
  tx: DatabaseTransaction,
  code: string,
  ownAgencyId: number,
): Promise<Required<Pick<DecisionLetterFacts, "otherAgency" | "otherAgencyContact" | "otherAgencyCode">>> {
  const agency = await tx.agency.findUnique({ where: { code: normaliseAgencyCode(code) } });
  if (!agency) throw new ValidationError({ otherAgencyCode: [messages.applications.validation.otherAgencyCode] });
  if (agency.id === ownAgencyId) throw new ValidationError({ otherAgencyCode: [messages.applications.validation.otherAgencyItself] });
  return { otherAgency: agency.name, otherAgencyContact: messages.applications.platformAgencyContact(agency), otherAgencyCode: agency.code };
}

async function draftReply(
  tx: DatabaseTransaction,
  application: LockedApplication,
  outcome: ApplicationOutcomeSlug,
  facts: DecisionLetterFacts,
  authorId: number | null,
): Promise<void> {
  // The letter is issued in the name of the agency the application belongs to (集约化: after a transfer, the
  // receiving one), from that agency's template.
  const template = await findReplyTemplate(tx, application.agencyId, outcome);
  const agency = await tx.agency.findUniqueOrThrow({ where: { id: application.agencyId } });
  const rules = await findApplicationRules(tx, application.agencyId);
  // Art. 36(1): information already public is answered by telling where it is, on that provision.
  const legalBasis =
    outcome === "disclose" && facts.accessRoute && template.legalBasis === defaultReplyTemplate("disclose").legalBasis
      ? alreadyPublicLegalBasis
      : template.legalBasis;
  const context = {
    applicantName: application.name ?? "",
    number: application.number,
    receivedOn: dateColumnToIsoDate(application.receivedOn),
    // It is quoted in the letter: "…申请获取“X”。" reads badly with X's own full stop.
    description: (application.description ?? "").trim().replace(/[。．.；;，,]+$/, ""),
    agencyName: agency.name,
    note: facts.note,
    legalBasis,
    accessRoute: facts.accessRoute ?? null,
    otherAgency: facts.otherAgency ?? null,
    otherAgencyContact: facts.otherAgencyContact ?? null,
    reconsiderationOrgan: rules.reconsiderationOrgan,
    litigationCourt: rules.litigationCourt,
  };
  const content = {
    outcome,
    title: fillReplyTemplate(template.title, context, "title"),
    body: fillReplyTemplate(template.body, context),
    legalBasis,
  };
  if (application.reply) {
    await tx.applicationReply.update({
      where: { id: application.reply.id },
      data: { ...content, authorId: authorId ?? application.reply.authorId, version: { increment: 1 } },
    });
  } else {
    await tx.applicationReply.create({ data: { applicationId: application.id, ...content, authorId } });
  }
}

async function writeDecision(
  tx: DatabaseTransaction,
  calendar: WorkingDayCalendar,
  application: LockedApplication,
  decision: { outcome: ApplicationOutcomeSlug; decidedOn: string } & DecisionLetterFacts,
  actorId: number | null,
  today: string,
): Promise<ApplicationClock> {
  assertHandledHere(application);
  if (application.reply && application.reply.state !== "draft") {
    throw new ConflictError(messages.applications.stepErrors.replyUnderReview, "invalid_state");
  }
  const before = clockOf(calendar, factsOf(application), today);
  const step: ClockStep = { type: "decision", date: decision.decidedOn, outcome: decision.outcome };
  const problems = findStepProblems(before, step, today);
  if (problems.length) throw new ValidationError(problemsToFields(problems));
  const created = await tx.applicationStep.create({
    data: {
      applicationId: application.id,
      type: "decision",
      date: isoDateToDateColumn(decision.decidedOn),
      actorId,
      note: decision.note,
      outcome: decision.outcome,
    },
  });
  await draftReply(tx, application, decision.outcome, decision, actorId);
  const clock = clockOf(calendar, { ...factsOf(application), steps: [...application.steps, created] }, today);
  await tx.application.update({
    where: { id: application.id },
    data: { outcome: decision.outcome, decidedOn: isoDateToDateColumn(decision.decidedOn), status: statusOfClock(clock), version: { increment: 1 } },
  });
  // As for steps: the decision note stays on the decision step (the reply letter quotes it); the audit row refers to it.
  await recordAuditEvent(tx, {
    actorId,
    action: "application.decide",
    entityType: "Application",
    entityId: application.id,
    fromState: application.status,
    toState: statusOfClock(clock),
    details: {
      stepId: created.id,
      outcome: decision.outcome,
      decidedOn: decision.decidedOn,
      previousOutcome: application.outcome,
      withNote: Boolean(decision.note),
      ...(decision.otherAgencyCode ? { otherAgencyCode: decision.otherAgencyCode } : {}),
    },
  });
  return clock;
}

/**
 * Records the decision (one of the 21 outcomes) and drafts the reply letter from the outcome's
 * template. While the letter is still a draft the decision may be changed; the letter follows.
 */
export async function recordDecision(
  actor: ActingUser,
  applicationId: number,
  input: unknown,
): Promise<ApplicationProgress & { outcome: string; decidedOn: string }> {
  const agencyId = await findApplicationAgency(actor, applicationId);
  await assertHandler(actor, agencyId);
  const { otherAgencyCode, ...decision } = parseInput(decisionSchema, input);
  const calendar = await loadWorkingDayCalendar();
  const today = todayInBeijing();
  return db.$transaction(async (tx) => {
    const application = await lockApplication(tx, applicationId, actor);
    const named = otherAgencyCode ? await responsibleAgencyOnPlatform(tx, otherAgencyCode, application.agencyId) : null;
    const clock = await writeDecision(tx, calendar, application, { ...decision, ...named, note: decision.note ?? null }, actor.id, today);
    return { ...progressOf(application, clock), outcome: decision.outcome, decidedOn: decision.decidedOn };
  });
}

/**
 * Closes applications whose applicant let the completion or payment deadline pass
 * (其他处理: 逾期不补正 / 逾期未缴费), with a draft notice for review. Run by the scheduler; safe
 * with several processes because each application is locked and re-checked.
 */
export async function closeLapsedApplications(today = todayInBeijing()): Promise<string[]> {
  const candidates = await db.application.findMany({ where: { status: { in: ["awaiting_correction", "awaiting_fee"] } }, select: { id: true } });
  if (!candidates.length) return [];
  const calendar = await loadWorkingDayCalendar();
  const closed: string[] = [];
  for (const { id } of candidates) {
    const number = await db.$transaction(async (tx) => {
      const application = await lockApplication(tx, id);
      const clock = clockOf(calendar, factsOf(application), today);
      if (!clock.lapse || application.decidedOn) return null;
      await writeDecision(tx, calendar, application, { outcome: clock.lapse.outcome, decidedOn: clock.lapse.on, note: null }, null, today);
      return application.number;
    });
    if (number) closed.push(number);
  }
  return closed;
}
