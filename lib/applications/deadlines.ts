import type { NoticeDeliveryMethod } from "@/lib/applications/application-fields";
import { lapseOutcomes, type ApplicationOutcomeSlug } from "@/lib/applications/outcomes";
import type { WorkingDayCalendar } from "@/lib/deadlines/calendar";
import { addCalendarDays, type IsoDate } from "@/lib/deadlines/iso-date";
import {
  addWorkingDays,
  countWorkingDaysBetween,
  deadlineMessages,
  describeDeadline,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  type DeadlineComputation,
} from "@/lib/deadlines/working-days";
import { messages } from "@/lib/i18n";

/**
 * The time limits of an application, as pure functions of its dates and the working-day calendar
 * (injected, so tests use the real State Council calendar without a database):
 * - Art. 31: the day of receipt depends on how the application arrived; a receipt on a rest day
 *   counts from the next working day.
 * - Art. 33: a reply within 20 working days; one extension of at most 20 working days.
 * - Art. 30: a request to complete (补正) within 7 working days of receipt, once; the clock restarts
 *   when the completion arrives; no completion by its deadline ends the application (other_no_correction).
 * - Art. 32: a third party has 15 working days; that time does not count against the office.
 * - 国办函〔2020〕109号: a fee notice stops the clock until payment; unpaid after 20 working days the
 *   application ends (other_no_fee).
 * Every due date comes with an explanation in words: days skipped and why, pauses, extension.
 */

export const replyWorkingDays = 20;
export const maximumExtensionWorkingDays = 20;
export const correctionRequestWorkingDays = 7;
export const defaultCorrectionWorkingDays = 15;
export const thirdPartyWorkingDays = 15;
export const feePaymentWorkingDays = 20;

export const agencyConsultationWorkingDays = 15;
/** Art. 35 sets no ceiling on the 合理期限; this only stops a typing slip from deferring a reply for years. */
export const maximumReasonableExtensionWorkingDays = 120;

export type ReceiptMethod = "online" | "in_person" | "registered_post" | "letter" | "fax" | "email";

export { noticeDeliveryMethods, type NoticeDeliveryMethod } from "@/lib/applications/application-fields";

/**
 * The day a notice is presumed received when nobody entered it (stated in the form, editable per
 * notice): handed over in person, the same day; by email or through the system, the day sent (it
 * reaches the recipient's system that day); by post, no presumption: the post's record (签收) must
 * be entered. Null means unknown, and nothing runs against the recipient until it is entered.
 */
export function presumeNoticeReceipt(method: NoticeDeliveryMethod | null | undefined, sentOn: IsoDate): IsoDate | null {
  if (method === "in_person" || method === "email" || method === "system") return sentOn;
  return null;
}

export type ExtensionBasis = "art33" | "art35";

/** A letter sent to the recipient: `receivedOn` null while the day of receipt is unknown. */
type NoticeStep = { date: IsoDate; receivedOn?: IsoDate | null; stepId?: number };

export type ClockStep =
  | { type: "correction_request"; date: IsoDate; respondBy: IsoDate }
  | { type: "correction_received"; date: IsoDate }
  | ({ type: "third_party_consultation" } & NoticeStep)
  | ({ type: "agency_consultation" } & NoticeStep)
  | { type: "third_party_reply"; date: IsoDate; consultationStepId?: number | null }
  | { type: "agency_reply"; date: IsoDate; consultationStepId?: number | null }
  | { type: "extension"; date: IsoDate; days: number; basis?: ExtensionBasis }
  | ({ type: "fee_notice" } & NoticeStep)
  | { type: "notice_received"; date: IsoDate }
  | { type: "fee_paid"; date: IsoDate }
  | { type: "decision"; date: IsoDate; outcome?: ApplicationOutcomeSlug }
  | { type: "reply_issued"; date: IsoDate }
  | { type: "delivery"; date: IsoDate }
  /** 转送 to another agency of the platform: the receiving agency's time limit counts from it. */
  | { type: "transfer"; date: IsoDate };

export type ClockStepType = ClockStep["type"];

export type PauseKind = "correction" | "third_party" | "agency" | "fee";

export type ConsultationKind = "third_party" | "agency";

/** One consultation (Art. 32 third party, Art. 34 other agency). */
export type Consultation = {
  kind: ConsultationKind;
  stepId: number | null;
  from: IsoDate;
  /** The day the letter reached the consulted party; null while unknown. */
  receivedOn: IsoDate | null;
  /** The last day of its 15 working days from receipt; null while the receipt is unknown. */
  latest: IsoDate | null;
  /** The day it ended: the answer, the decision, or the 15th working day (silence). */
  endedOn: IsoDate | null;
};

/** A letter whose day of receipt nobody has entered yet: no time runs against its recipient. */
export type NoticeAwaitingReceipt = { kind: "fee" | ConsultationKind; stepId: number | null; sentOn: IsoDate };

export type ClockPause = {
  kind: PauseKind;
  from: IsoDate;
  /** The day the pause ended (inclusive), or null while it goes on. */
  to: IsoDate | null;
  /** The last day it can last: the third party's 15 working days, the payment deadline, the completion deadline. */
  latest: IsoDate;
  /** Working days after `from` up to `to` (or up to `latest` while open): not counted against the office. */
  workingDays: number;
  /** The recipient's day of receipt is unknown: `latest` is only an estimate and nothing lapses. */
  receiptUnknown?: boolean;
};

export type ClockLapse = { outcome: ApplicationOutcomeSlug; on: IsoDate; explanation: string };

export type ApplicationClock = {
  /** Official day of receipt (Art. 31). */
  receivedOn: IsoDate;
  /** The day the 20 working days count from: the receipt, or the arrival of the completion. */
  clockStart: IsoDate;
  /** The latest day a completion request may be sent (7 working days after receipt). */
  correctionRequestBy: IsoDate;
  /** The reply is due on this day; null while waiting for a completion (the clock will restart). */
  dueOn: IsoDate | null;
  /** True while a pause goes on: the due day assumes it lasts as long as it can. */
  provisional: boolean;
  phase: "running" | "paused" | "decided" | "answered";
  openPause: ClockPause | null;
  pauses: ClockPause[];
  /** The Art. 33 extension (at most 20 working days, once). */
  extension: { date: IsoDate; days: number } | null;
  /** The Art. 35 reasonable extension for a volume or frequency clearly beyond reason. */
  reasonableExtension: { date: IsoDate; days: number } | null;
  correction: { requestedOn: IsoDate; respondBy: IsoDate; receivedOn: IsoDate | null } | null;
  /** `payBy` is null while the day the applicant received the notice is unknown. */
  fee: { noticeOn: IsoDate; receivedOn: IsoDate | null; payBy: IsoDate | null; paidOn: IsoDate | null } | null;
  /** The latest third-party consultation (kept for the published shape; see `consultations`). */
  thirdParty: { from: IsoDate; latest: IsoDate | null; endedOn: IsoDate | null } | null;
  /** Every consultation of third parties and other agencies since the clock (re)started. */
  consultations: Consultation[];
  /** Fee notices and consultation letters whose day of receipt must still be entered. */
  noticesAwaitingReceipt: NoticeAwaitingReceipt[];
  decidedOn: IsoDate | null;
  answeredOn: IsoDate | null;
  deliveredOn: IsoDate | null;
  /** The applicant let a deadline pass: the application is to be closed with this outcome. */
  lapse: ClockLapse | null;
  overdue: boolean;
  /** Answered after the due day. */
  answeredLate: boolean;
  /** Working days from today to the due day (0 on the day itself), null when not counting down. */
  workingDaysLeft: number | null;
  computation: DeadlineComputation | null;
  /** How the due day was reached, one sentence a line. */
  explanation: string[];
};

const d = messages.applications.deadlines;

function dayLabel(calendar: WorkingDayCalendar, date: IsoDate): string {
  const classification = calendar.classifyDay(date);
  return classification.holidayName ?? deadlineMessages.reasonLabels[classification.reason];
}

/**
 * Art. 31: in person, the day handed in; registered post, the day the office signs for it; an
 * ordinary letter, online, fax or email, the day both sides confirm receipt. When that day is not a
 * working day, the application counts as received on the next working day.
 */
export function computeOfficialReceiptDate(
  calendar: WorkingDayCalendar,
  method: ReceiptMethod | "ledger",
  submittedOn: IsoDate,
  deferRestDayReceipt = true,
): { receivedOn: IsoDate; explanation: string } {
  // Moving a rest-day receipt to the next working day (顺延) is not in the Regulations: the agency's
  // choice, stated to applicants (the setting deferRestDayReceipt).
  const receivedOn = deferRestDayReceipt ? nextWorkingDayOnOrAfter(calendar, submittedOn) : submittedOn;
  const parts = [d.receipt[method](submittedOn)];
  if (receivedOn !== submittedOn) parts.push(d.nonWorkingDay(submittedOn, dayLabel(calendar, submittedOn), receivedOn));
  else if (!isWorkingDay(calendar, submittedOn)) parts.push(d.restDayNotDeferred(submittedOn, dayLabel(calendar, submittedOn)));
  return { receivedOn, explanation: parts.join("；") + "。" };
}

/** Art. 30: a completion must be requested within 7 working days of receipt. */
export function computeCorrectionRequestDeadline(calendar: WorkingDayCalendar, receivedOn: IsoDate): IsoDate {
  return addWorkingDays(calendar, receivedOn, correctionRequestWorkingDays).due;
}

/** The applicant's deadline to complete the application when the office names none. */
export function computeDefaultCorrectionDeadline(calendar: WorkingDayCalendar, requestedOn: IsoDate): IsoDate {
  return addWorkingDays(calendar, requestedOn, defaultCorrectionWorkingDays).due;
}

/**
 * 国办函〔2020〕109号: the applicant pays within 20 working days counted from the day after receiving
 * the notice (自收到收费通知次日起), so from its receipt, not from the day it was sent.
 */
export function computeFeePaymentDeadline(calendar: WorkingDayCalendar, receivedOn: IsoDate): IsoDate {
  return addWorkingDays(calendar, receivedOn, feePaymentWorkingDays).due;
}

/** Art. 32 / Art. 34: the consulted party has 15 working days from receiving the letter. */
export function computeThirdPartyDeadline(calendar: WorkingDayCalendar, receivedOn: IsoDate): IsoDate {
  return addWorkingDays(calendar, receivedOn, thirdPartyWorkingDays).due;
}

const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

/** While a receipt is unknown the pause is assumed to run at least `days` working days from today. */
function estimateLatest(calendar: WorkingDayCalendar, sentOn: IsoDate, today: IsoDate, days: number): IsoDate {
  return addWorkingDays(calendar, maxDate(sentOn, today), days).due;
}

const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

/**
 * Computes where an application stands on `today`: its due day, pauses, extension, lapses and the
 * explanation. `steps` are in the order they happened (by date; ties in recording order).
 */
export function computeApplicationClock(input: {
  calendar: WorkingDayCalendar;
  receiptMethod: ReceiptMethod | "ledger";
  submittedOn: IsoDate;
  steps: readonly ClockStep[];
  today: IsoDate;
  /** The agency's choice: a receipt on a rest day counts from the next working day (default). */
  deferRestDayReceipt?: boolean;
}): ApplicationClock {
  const { calendar, today } = input;
  const defer = input.deferRestDayReceipt ?? true;
  let receipt = computeOfficialReceiptDate(calendar, input.receiptMethod, input.submittedOn, defer);
  const explanation = [receipt.explanation];
  // 转送 (集约化): the agency holding the application counts its time limit from the day it received it,
  // the day of the (last) transfer, as from a receipt (a rest day deferred as the agency's receipts are);
  // what the sending agency did before (its pauses, extension) does not carry over.
  let steps = input.steps;
  for (let index = input.steps.length - 1; index >= 0; index--) {
    const step = input.steps[index];
    if (step.type !== "transfer") continue;
    const receivedOn = defer ? nextWorkingDayOnOrAfter(calendar, step.date) : step.date;
    const text = `${d.transferReceipt(step.date, receivedOn)}。`;
    receipt = { receivedOn, explanation: text };
    explanation.push(text);
    steps = input.steps.slice(index + 1);
    break;
  }
  let clockStart = receipt.receivedOn;
  let pauses: ClockPause[] = [];
  let extension: ApplicationClock["extension"] = null;
  let reasonableExtension: ApplicationClock["reasonableExtension"] = null;
  let consultations: Consultation[] = [];
  // Changed by the helpers below, so kept in an object TypeScript does not narrow.
  const current: {
    pause: ClockPause | null;
    thirdParty: ApplicationClock["thirdParty"];
    correction: ApplicationClock["correction"];
    fee: ApplicationClock["fee"];
    feeStepId: number | null;
  } = { pause: null, thirdParty: null, correction: null, fee: null, feeStepId: null };
  let decidedOn: IsoDate | null = null;
  let answeredOn: IsoDate | null = null;
  let deliveredOn: IsoDate | null = null;

  const closePause = (end: IsoDate) => {
    if (!current.pause) return;
    const to = minDate(end, current.pause.latest);
    pauses.push({ ...current.pause, to, workingDays: countWorkingDaysBetween(calendar, current.pause.from, to) });
    current.pause = null;
  };
  const openNewPause = (kind: PauseKind, from: IsoDate, latest: IsoDate) => {
    closePause(from);
    current.pause = { kind, from, to: null, latest, workingDays: countWorkingDaysBetween(calendar, from, latest) };
  };

  for (const step of steps) {
    switch (step.type) {
      case "correction_request":
        current.correction = { requestedOn: step.date, respondBy: step.respondBy, receivedOn: null };
        openNewPause("correction", step.date, step.respondBy);
        break;
      case "correction_received":
        if (current.correction && !current.correction.receivedOn) {
          current.correction = { ...current.correction, receivedOn: step.date };
          current.pause = null;
          // The clock restarts: nothing before the completion counts any more.
          pauses = [];
          consultations = [];
          extension = null;
          reasonableExtension = null;
          clockStart = defer ? nextWorkingDayOnOrAfter(calendar, step.date) : step.date;
          const restart = d.restarted(current.correction.requestedOn, step.date, clockStart);
          explanation.push(
            clockStart === step.date ? `${restart}。` : `${restart}（${d.nonWorkingDay(step.date, dayLabel(calendar, step.date), clockStart)}）。`,
          );
        }
        break;
      case "third_party_consultation":
      case "agency_consultation": {
        const receivedOn = step.receivedOn ?? null;
        consultations.push({
          kind: step.type === "agency_consultation" ? "agency" : "third_party",
          stepId: step.stepId ?? null,
          from: step.date,
          receivedOn,
          latest: receivedOn ? computeThirdPartyDeadline(calendar, receivedOn) : null,
          endedOn: null,
        });
        break;
      }
      case "third_party_reply":
      case "agency_reply": {
        const kind: ConsultationKind = step.type === "agency_reply" ? "agency" : "third_party";
        const target = consultations.find(
          (consultation) =>
            !consultation.endedOn && consultation.kind === kind && (step.consultationStepId == null || consultation.stepId === step.consultationStepId),
        );
        if (target) target.endedOn = target.latest ? minDate(step.date, target.latest) : step.date;
        break;
      }
      case "extension":
        if (step.basis === "art35") reasonableExtension = { date: step.date, days: step.days };
        else extension = { date: step.date, days: step.days };
        break;
      case "fee_notice": {
        const receivedOn = step.receivedOn ?? null;
        const payBy = receivedOn ? computeFeePaymentDeadline(calendar, receivedOn) : null;
        current.fee = { noticeOn: step.date, receivedOn, payBy, paidOn: null };
        current.feeStepId = step.stepId ?? null;
        openNewPause("fee", step.date, payBy ?? estimateLatest(calendar, step.date, today, feePaymentWorkingDays));
        if (!payBy) current.pause!.receiptUnknown = true;
        break;
      }
      case "notice_received":
        // Folded into the notice it concerns before the clock runs (lib/applications/application-clock.ts).
        break;
      case "fee_paid":
        if (current.fee && !current.fee.paidOn) current.fee = { ...current.fee, paidOn: step.date };
        if (current.pause?.kind === "fee") closePause(step.date);
        break;
      case "decision":
        // Deciding ends the consultations still running; a decision replaces an earlier one.
        for (const consultation of consultations) if (!consultation.endedOn) consultation.endedOn = step.date;
        decidedOn = step.date;
        break;
      case "reply_issued":
        answeredOn = step.date;
        break;
      case "delivery":
        deliveredOn = step.date;
        break;
    }
  }

  // Art. 32 / Art. 34: silence for 15 working days from receipt ends the consultation (for another
  // agency it counts as consent). While the receipt is unknown it does not end on its own.
  for (const consultation of consultations) {
    if (!consultation.endedOn && consultation.latest && today > consultation.latest) consultation.endedOn = consultation.latest;
  }
  // Art. 33(2): the time of every consultation is left out; overlapping ones count once.
  const consultationDays = new Set<IsoDate>();
  const workingDaysIn = (from: IsoDate, to: IsoDate) => {
    const days: IsoDate[] = [];
    for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) if (calendar.classifyDay(day).working) days.push(day);
    return days;
  };
  const countNew = (from: IsoDate, to: IsoDate) => {
    let added = 0;
    for (const day of workingDaysIn(from, to)) {
      if (!consultationDays.has(day)) added++;
      consultationDays.add(day);
    }
    return added;
  };
  const consultationKindOf = (kind: ConsultationKind): PauseKind => kind;
  for (const consultation of consultations.filter((each) => each.endedOn)) {
    pauses.push({
      kind: consultationKindOf(consultation.kind),
      from: consultation.from,
      to: consultation.endedOn,
      latest: consultation.latest ?? consultation.endedOn!,
      workingDays: countNew(consultation.from, consultation.endedOn!),
    });
  }
  const openConsultations = consultations.filter((each) => !each.endedOn);
  if (!current.pause && openConsultations.length) {
    let latest = openConsultations[0].from;
    let workingDays = 0;
    for (const consultation of openConsultations) {
      const end = consultation.latest ?? estimateLatest(calendar, consultation.from, today, thirdPartyWorkingDays);
      latest = maxDate(latest, end);
      workingDays += countNew(consultation.from, end);
    }
    current.pause = {
      kind: consultationKindOf(openConsultations[0].kind),
      from: openConsultations.map((each) => each.from).sort()[0],
      to: null,
      latest,
      workingDays,
      ...(openConsultations.some((each) => !each.receivedOn) ? { receiptUnknown: true } : {}),
    };
  }
  const lastThirdParty = consultations.filter((each) => each.kind === "third_party").at(-1);
  current.thirdParty = lastThirdParty ? { from: lastThirdParty.from, latest: lastThirdParty.latest, endedOn: lastThirdParty.endedOn } : null;

  const noticesAwaitingReceipt: NoticeAwaitingReceipt[] = [
    ...(current.fee && !current.fee.receivedOn && !current.fee.paidOn
      ? [{ kind: "fee" as const, stepId: current.feeStepId, sentOn: current.fee.noticeOn }]
      : []),
    ...openConsultations.filter((each) => !each.receivedOn).map((each) => ({ kind: each.kind, stepId: each.stepId, sentOn: each.from })),
  ];

  let lapse: ClockLapse | null = null;
  const stillOpen = current.pause;
  if (stillOpen && !stillOpen.receiptUnknown && !answeredOn && !decidedOn && today > stillOpen.latest) {
    if (stillOpen.kind === "correction") {
      lapse = { outcome: lapseOutcomes.correction, on: addCalendarDays(stillOpen.latest, 1), explanation: d.lapsedCorrection(stillOpen.latest) };
    } else if (stillOpen.kind === "fee") {
      lapse = { outcome: lapseOutcomes.fee, on: addCalendarDays(stillOpen.latest, 1), explanation: d.lapsedFee(stillOpen.latest) };
    }
  }

  if (current.fee?.receivedOn) explanation.push(`${d.feeReceived(current.fee.noticeOn, current.fee.receivedOn, current.fee.payBy!)}。`);
  for (const consultation of consultations) {
    if (consultation.receivedOn)
      explanation.push(`${d.consultationReceived(d.pauseLabels[consultation.kind], consultation.receivedOn, consultation.latest!)}。`);
  }
  for (const pause of pauses) explanation.push(`${d.pauseRange(d.pauseLabels[pause.kind], pause.from, pause.to!, pause.workingDays)}。`);
  if (stillOpen) explanation.push(`${d.pauseOpen(d.pauseLabels[stillOpen.kind], stillOpen.from, stillOpen.latest)}。`);
  for (const notice of noticesAwaitingReceipt) explanation.push(`${d.receiptUnknown(d.noticeLabels[notice.kind], notice.sentOn)}。`);

  let computation: DeadlineComputation | null = null;
  let provisional = false;
  if (stillOpen?.kind === "correction") {
    explanation.push(`${d.waitingForCorrection(stillOpen.latest)}。`);
  } else {
    const pausedDays = pauses.reduce((sum, pause) => sum + pause.workingDays, 0) + (stillOpen?.workingDays ?? 0);
    provisional = stillOpen !== null;
    const extensionDays = extension?.days ?? 0;
    const reasonableDays = reasonableExtension?.days ?? 0;
    const total = replyWorkingDays + extensionDays + reasonableDays + pausedDays;
    computation = addWorkingDays(calendar, clockStart, total);
    const parts = [d.baseDays(replyWorkingDays)];
    if (extensionDays) parts.push(d.extensionDays(extensionDays));
    if (reasonableDays) parts.push(d.reasonableExtensionDays(reasonableDays));
    const pausedKinds = [...new Set([...pauses, ...(stillOpen ? [stillOpen] : [])].map((pause) => d.pauseLabels[pause.kind]))];
    if (pausedDays) parts.push(d.pausedDays(pausedKinds.join("、"), pausedDays));
    if (parts.length > 1) explanation.push(`${d.composition(parts, total)}。`);
    explanation.push(`${describeDeadline(computation)}${provisional ? d.provisional : ""}。`);
    const adjusted = computation.countedDays
      .map((date) => ({ date, classification: calendar.classifyDay(date) }))
      .filter(({ classification }) => classification.reason === "adjusted_workday" || classification.reason === "override_working");
    if (adjusted.length) {
      explanation.push(
        `${d.adjustedWorkdays(adjusted.map(({ date, classification }) => `${date}（${classification.holidayName ?? deadlineMessages.reasonLabels[classification.reason]}）`))}。`,
      );
    }
  }
  if (lapse) explanation.push(`${lapse.explanation}。`);

  const dueOn = computation?.due ?? null;
  const phase: ApplicationClock["phase"] = answeredOn ? "answered" : decidedOn ? "decided" : stillOpen ? "paused" : "running";
  const counting = dueOn !== null && !answeredOn && !stillOpen;
  const overdue = counting && today > dueOn!;
  return {
    receivedOn: receipt.receivedOn,
    clockStart,
    correctionRequestBy: computeCorrectionRequestDeadline(calendar, receipt.receivedOn),
    dueOn,
    provisional,
    phase,
    openPause: stillOpen,
    pauses,
    extension,
    reasonableExtension,
    correction: current.correction,
    fee: current.fee,
    thirdParty: current.thirdParty,
    consultations,
    noticesAwaitingReceipt,
    decidedOn,
    answeredOn,
    deliveredOn,
    lapse,
    overdue,
    answeredLate: Boolean(answeredOn && dueOn && answeredOn > dueOn),
    workingDaysLeft: counting && !overdue ? countWorkingDaysBetween(calendar, today, dueOn!) : null,
    computation,
    explanation,
  };
}

export type StepProblem = { field: "type" | "date" | "respondBy" | "days" | "outcome" | "receivedOn" | "consultationStepId" | "noticeStepId"; message: string };

const isConsultationPause = (pause: ClockPause | null) => pause?.kind === "third_party" || pause?.kind === "agency";

/**
 * Whether `step` may be recorded next, given the clock computed from the steps before it. Returns
 * the problems (empty when allowed), each naming the field it concerns.
 */
export function findStepProblems(clock: ApplicationClock, step: ClockStep, today: IsoDate): StepProblem[] {
  const e = messages.applications.stepErrors;
  const problems: StepProblem[] = [];
  const add = (field: StepProblem["field"], message: string) => problems.push({ field, message });
  if (step.date > today) add("date", e.dateInFuture);
  if (step.date < clock.receivedOn && step.type !== "delivery") add("date", e.dateBeforeReceipt);

  if (step.type === "delivery") {
    if (!clock.answeredOn) add("type", e.replyNotIssued);
    else if (clock.deliveredOn) add("type", e.alreadyDelivered);
    else if (step.date < clock.answeredOn) add("date", e.dateBeforeLastStep);
    return problems;
  }
  if (clock.answeredOn) return [...problems, { field: "type", message: e.closed }];
  if (step.type === "decision") {
    if (step.outcome === lapseOutcomes.correction && clock.lapse?.outcome !== lapseOutcomes.correction) add("outcome", e.lapseOutcomeNotDue);
    else if (step.outcome === lapseOutcomes.fee && clock.lapse?.outcome !== lapseOutcomes.fee) add("outcome", e.feeOutcomeNotDue);
    else if (clock.openPause && !isConsultationPause(clock.openPause) && !(clock.lapse && clock.lapse.outcome === step.outcome))
      add("type", e.decisionWhilePaused);
    if (clock.lapse && clock.lapse.outcome === step.outcome && step.date < clock.lapse.on) add("date", e.dateBeforeLastStep);
    return problems;
  }
  if (clock.decidedOn && step.type !== "reply_issued") return [...problems, { field: "type", message: e.alreadyDecided }];

  const pause = clock.openPause;
  const receivedBeforeSent = "receivedOn" in step && step.receivedOn && step.receivedOn < step.date;
  if (receivedBeforeSent) add("receivedOn", e.receivedBeforeSent);
  if ("receivedOn" in step && step.receivedOn && step.receivedOn > today) add("receivedOn", e.dateInFuture);
  switch (step.type) {
    case "correction_request":
      if (clock.correction) add("type", e.correctionOnce);
      else if (pause) add("type", e.paused);
      if (step.date > clock.correctionRequestBy) add("date", e.correctionTooLate(clock.correctionRequestBy));
      if (step.respondBy <= step.date) add("respondBy", e.respondByBeforeDate);
      break;
    case "correction_received":
      if (pause?.kind !== "correction") add("type", e.notAwaitingCorrection);
      else {
        if (step.date < pause.from) add("date", e.dateBeforeLastStep);
        if (step.date > pause.latest) add("date", e.correctionLapsed(pause.latest));
      }
      break;
    case "third_party_consultation":
    case "agency_consultation":
      // Art. 32 and Art. 34: several parties and agencies may be consulted, at once or one after another.
      if (pause && !isConsultationPause(pause)) add("type", e.paused);
      break;
    case "third_party_reply":
    case "agency_reply": {
      const kind: ConsultationKind = step.type === "agency_reply" ? "agency" : "third_party";
      const open = clock.consultations.filter(
        (consultation) =>
          consultation.kind === kind && !consultation.endedOn && (step.consultationStepId == null || consultation.stepId === step.consultationStepId),
      );
      if (!open.length) add(step.consultationStepId == null ? "type" : "consultationStepId", kind === "agency" ? e.notAwaitingAgency : e.notAwaitingThirdParty);
      else if (step.date < open[0].from) add("date", e.dateBeforeLastStep);
      return problems;
    }
    case "extension":
      if (step.basis === "art35") {
        if (clock.reasonableExtension) add("type", e.reasonableExtensionOnce);
        if (!Number.isInteger(step.days) || step.days < 1 || step.days > maximumReasonableExtensionWorkingDays) add("days", e.reasonableExtensionDays);
        if (clock.dueOn && step.date > clock.dueOn) add("date", e.extensionAfterDue(clock.dueOn));
        break;
      }
      if (clock.extension) add("type", e.extensionOnce);
      else if (pause) add("type", e.paused);
      else if (clock.dueOn && step.date > clock.dueOn) add("date", e.extensionAfterDue(clock.dueOn));
      if (!Number.isInteger(step.days) || step.days < 1 || step.days > maximumExtensionWorkingDays) add("days", e.extensionDays);
      break;
    case "fee_notice":
      if (clock.fee) add("type", e.feeOnce);
      else if (pause) add("type", e.paused);
      break;
    case "fee_paid":
      if (pause?.kind !== "fee" || !clock.fee) add("type", e.notAwaitingFee);
      else {
        if (step.date < clock.fee.noticeOn) add("date", e.dateBeforeLastStep);
        if (clock.fee.payBy && step.date > clock.fee.payBy) add("date", e.feeLapsed(clock.fee.payBy));
      }
      break;
    case "reply_issued":
      if (!clock.decidedOn) add("type", e.notDecided);
      break;
  }
  if (pause && step.date < pause.from && !problems.some((problem) => problem.field === "date")) add("date", e.dateBeforeLastStep);
  return problems;
}

/**
 * Whether the day a notice was received may be entered: a fee notice or a consultation letter whose
 * receipt is still unknown, received on or after the day it was sent and not in the future.
 */
export function findNoticeReceiptProblems(
  notice: { type: string; date: IsoDate; receivedOn: IsoDate | null } | null,
  receivedOn: IsoDate,
  today: IsoDate,
): StepProblem[] {
  const e = messages.applications.stepErrors;
  if (!notice || !["fee_notice", "third_party_consultation", "agency_consultation"].includes(notice.type)) {
    return [{ field: "noticeStepId", message: e.noticeNotFound }];
  }
  if (notice.receivedOn) return [{ field: "noticeStepId", message: e.noticeAlreadyReceived(notice.receivedOn) }];
  if (receivedOn < notice.date) return [{ field: "date", message: e.receivedBeforeSent }];
  if (receivedOn > today) return [{ field: "date", message: e.dateInFuture }];
  return [];
}
