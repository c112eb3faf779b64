import { lapseOutcomes, type ApplicationOutcomeSlug } from "@/lib/applications/outcomes";
import type { WorkingDayCalendar } from "@/lib/deadlines/calendar";
import { addCalendarDays, type IsoDate } from "@/lib/deadlines/iso-date";
import {
  addWorkingDays,
  countWorkingDaysBetween,
  deadlineMessages,
  describeDeadline,
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

export type ReceiptMethod = "online" | "in_person" | "registered_post" | "letter" | "fax" | "email";

export type ClockStep =
  | { type: "correction_request"; date: IsoDate; respondBy: IsoDate }
  | { type: "correction_received"; date: IsoDate }
  | { type: "third_party_consultation"; date: IsoDate }
  | { type: "third_party_reply"; date: IsoDate }
  | { type: "extension"; date: IsoDate; days: number }
  | { type: "fee_notice"; date: IsoDate }
  | { type: "fee_paid"; date: IsoDate }
  | { type: "decision"; date: IsoDate; outcome?: ApplicationOutcomeSlug }
  | { type: "reply_issued"; date: IsoDate }
  | { type: "delivery"; date: IsoDate };

export type ClockStepType = ClockStep["type"];

export type PauseKind = "correction" | "third_party" | "fee";

export type ClockPause = {
  kind: PauseKind;
  from: IsoDate;
  /** The day the pause ended (inclusive), or null while it goes on. */
  to: IsoDate | null;
  /** The last day it can last: the third party's 15 working days, the payment deadline, the completion deadline. */
  latest: IsoDate;
  /** Working days after `from` up to `to` (or up to `latest` while open): not counted against the office. */
  workingDays: number;
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
  extension: { date: IsoDate; days: number } | null;
  correction: { requestedOn: IsoDate; respondBy: IsoDate; receivedOn: IsoDate | null } | null;
  fee: { noticeOn: IsoDate; payBy: IsoDate; paidOn: IsoDate | null } | null;
  thirdParty: { from: IsoDate; latest: IsoDate; endedOn: IsoDate | null } | null;
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
): { receivedOn: IsoDate; explanation: string } {
  const receivedOn = nextWorkingDayOnOrAfter(calendar, submittedOn);
  const parts = [d.receipt[method](submittedOn)];
  if (receivedOn !== submittedOn) parts.push(d.nonWorkingDay(submittedOn, dayLabel(calendar, submittedOn), receivedOn));
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

/** The last day to pay a fee notice sent on `noticeOn`. */
export function computeFeePaymentDeadline(calendar: WorkingDayCalendar, noticeOn: IsoDate): IsoDate {
  return addWorkingDays(calendar, noticeOn, feePaymentWorkingDays).due;
}

/** The last day of a third party's 15 working days. */
export function computeThirdPartyDeadline(calendar: WorkingDayCalendar, sentOn: IsoDate): IsoDate {
  return addWorkingDays(calendar, sentOn, thirdPartyWorkingDays).due;
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
}): ApplicationClock {
  const { calendar, today } = input;
  const receipt = computeOfficialReceiptDate(calendar, input.receiptMethod, input.submittedOn);
  const explanation = [receipt.explanation];
  let clockStart = receipt.receivedOn;
  let pauses: ClockPause[] = [];
  let extension: ApplicationClock["extension"] = null;
  // Changed by the helpers below, so kept in an object TypeScript does not narrow.
  const current: {
    pause: ClockPause | null;
    thirdParty: ApplicationClock["thirdParty"];
    correction: ApplicationClock["correction"];
    fee: ApplicationClock["fee"];
  } = { pause: null, thirdParty: null, correction: null, fee: null };
  let decidedOn: IsoDate | null = null;
  let answeredOn: IsoDate | null = null;
  let deliveredOn: IsoDate | null = null;

  const closePause = (end: IsoDate) => {
    if (!current.pause) return;
    const to = minDate(end, current.pause.latest);
    pauses.push({ ...current.pause, to, workingDays: countWorkingDaysBetween(calendar, current.pause.from, to) });
    if (current.pause.kind === "third_party" && current.thirdParty) current.thirdParty = { ...current.thirdParty, endedOn: to };
    current.pause = null;
  };
  const openNewPause = (kind: PauseKind, from: IsoDate, latest: IsoDate) => {
    closePause(from);
    current.pause = { kind, from, to: null, latest, workingDays: countWorkingDaysBetween(calendar, from, latest) };
  };

  for (const step of input.steps) {
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
          extension = null;
          clockStart = nextWorkingDayOnOrAfter(calendar, step.date);
          const restart = d.restarted(current.correction.requestedOn, step.date, clockStart);
          explanation.push(
            clockStart === step.date ? `${restart}。` : `${restart}（${d.nonWorkingDay(step.date, dayLabel(calendar, step.date), clockStart)}）。`,
          );
        }
        break;
      case "third_party_consultation": {
        const latest = computeThirdPartyDeadline(calendar, step.date);
        current.thirdParty = { from: step.date, latest, endedOn: null };
        openNewPause("third_party", step.date, latest);
        break;
      }
      case "third_party_reply":
        if (current.pause?.kind === "third_party") closePause(step.date);
        break;
      case "extension":
        extension = { date: step.date, days: step.days };
        break;
      case "fee_notice": {
        const payBy = computeFeePaymentDeadline(calendar, step.date);
        current.fee = { noticeOn: step.date, payBy, paidOn: null };
        openNewPause("fee", step.date, payBy);
        break;
      }
      case "fee_paid":
        if (current.fee && !current.fee.paidOn) current.fee = { ...current.fee, paidOn: step.date };
        if (current.pause?.kind === "fee") closePause(step.date);
        break;
      case "decision":
        // Deciding ends a consultation still running; a decision replaces an earlier one.
        if (current.pause?.kind === "third_party") closePause(step.date);
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

  // A third party that has not answered within its 15 working days: the pause ends on its own.
  const pending = current.pause;
  if (pending?.kind === "third_party" && today > pending.latest) closePause(pending.latest);

  let lapse: ClockLapse | null = null;
  const stillOpen = current.pause;
  if (stillOpen && !answeredOn && !decidedOn && today > stillOpen.latest) {
    if (stillOpen.kind === "correction") {
      lapse = { outcome: lapseOutcomes.correction, on: addCalendarDays(stillOpen.latest, 1), explanation: d.lapsedCorrection(stillOpen.latest) };
    } else if (stillOpen.kind === "fee") {
      lapse = { outcome: lapseOutcomes.fee, on: addCalendarDays(stillOpen.latest, 1), explanation: d.lapsedFee(stillOpen.latest) };
    }
  }

  for (const pause of pauses) explanation.push(`${d.pauseRange(d.pauseLabels[pause.kind], pause.from, pause.to!, pause.workingDays)}。`);
  if (stillOpen) explanation.push(`${d.pauseOpen(d.pauseLabels[stillOpen.kind], stillOpen.from, stillOpen.latest)}。`);

  let computation: DeadlineComputation | null = null;
  let provisional = false;
  if (stillOpen?.kind === "correction") {
    explanation.push(`${d.waitingForCorrection(stillOpen.latest)}。`);
  } else {
    const pausedDays = pauses.reduce((sum, pause) => sum + pause.workingDays, 0) + (stillOpen?.workingDays ?? 0);
    provisional = stillOpen !== null;
    const extensionDays = extension?.days ?? 0;
    const total = replyWorkingDays + extensionDays + pausedDays;
    computation = addWorkingDays(calendar, clockStart, total);
    const parts = [d.baseDays(replyWorkingDays)];
    if (extensionDays) parts.push(d.extensionDays(extensionDays));
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
    correction: current.correction,
    fee: current.fee,
    thirdParty: current.thirdParty,
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

export type StepProblem = { field: "type" | "date" | "respondBy" | "days" | "outcome"; message: string };

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
    else if (clock.openPause && clock.openPause.kind !== "third_party" && !(clock.lapse && clock.lapse.outcome === step.outcome))
      add("type", e.decisionWhilePaused);
    if (clock.lapse && clock.lapse.outcome === step.outcome && step.date < clock.lapse.on) add("date", e.dateBeforeLastStep);
    return problems;
  }
  if (clock.decidedOn && step.type !== "reply_issued") return [...problems, { field: "type", message: e.alreadyDecided }];

  const pause = clock.openPause;
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
      if (clock.thirdParty) add("type", e.thirdPartyOnce);
      else if (pause) add("type", e.paused);
      break;
    case "third_party_reply":
      if (!clock.thirdParty || clock.thirdParty.endedOn) add("type", e.notAwaitingThirdParty);
      else if (step.date < clock.thirdParty.from) add("date", e.dateBeforeLastStep);
      break;
    case "extension":
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
        if (step.date > clock.fee.payBy) add("date", e.feeLapsed(clock.fee.payBy));
      }
      break;
    case "reply_issued":
      if (!clock.decidedOn) add("type", e.notDecided);
      break;
  }
  if (pause && step.date < pause.from && !problems.some((problem) => problem.field === "date")) add("date", e.dateBeforeLastStep);
  return problems;
}
