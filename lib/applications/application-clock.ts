import "server-only";
import { computeApplicationClock, type ApplicationClock, type ClockStep, type ReceiptMethod } from "@/lib/applications/deadlines";
import type { ApplicationOutcomeSlug } from "@/lib/applications/outcomes";
import { dateColumnToIsoDate } from "@/lib/dates";
import type { WorkingDayCalendar } from "@/lib/deadlines/calendar";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";

export type StepRow = {
  id: number;
  type: ClockStep["type"];
  date: Date;
  respondBy: Date | null;
  extensionDays: number | null;
  outcome: ApplicationOutcomeSlug | null;
  noticeReceivedOn?: Date | null;
  relatesToStepId?: number | null;
  extensionBasis?: "art33" | "art35" | null;
};

/**
 * What the clock needs of a stored application. `receivedOn` (the stored official receipt) tells
 * whether the agency deferred a rest-day receipt when the application arrived: a later change of
 * that setting does not move the deadlines of applications already received.
 */
export type ClockFacts = { receiptMethod: ReceiptMethod | null; submittedOn: Date; receivedOn?: Date; steps: readonly StepRow[] };

/** False only when the stored receipt is the rest day itself (the agency did not defer it). */
export function wasRestDayReceiptDeferred(calendar: WorkingDayCalendar, facts: Pick<ClockFacts, "submittedOn" | "receivedOn">): boolean {
  if (!facts.receivedOn) return true;
  const submittedOn = dateColumnToIsoDate(facts.submittedOn);
  return !(dateColumnToIsoDate(facts.receivedOn) === submittedOn && !calendar.classifyDay(submittedOn).working);
}

/** Steps in the order they happened: by date, then as recorded. */
export function orderSteps<Row extends { id: number; date: Date }>(steps: readonly Row[]): Row[] {
  return [...steps].sort((a, b) => a.date.getTime() - b.date.getTime() || a.id - b.id);
}

export function toClockStep(step: StepRow): ClockStep {
  const date = dateColumnToIsoDate(step.date);
  switch (step.type) {
    case "correction_request":
      return { type: step.type, date, respondBy: dateColumnToIsoDate(step.respondBy) ?? date };
    case "extension":
      return { type: step.type, date, days: step.extensionDays ?? 0, basis: step.extensionBasis ?? "art33" };
    case "fee_notice":
    case "third_party_consultation":
    case "agency_consultation":
      return { type: step.type, date, stepId: step.id, receivedOn: dateColumnToIsoDate(step.noticeReceivedOn ?? null) };
    case "third_party_reply":
    case "agency_reply":
      return { type: step.type, date, consultationStepId: step.relatesToStepId ?? null };
    case "decision":
      return { type: step.type, date, outcome: step.outcome ?? undefined };
    default:
      return { type: step.type, date };
  }
}

/** The clock of a stored application on `today`; an extra step can be tried before it is stored. */
export function clockOf(calendar: WorkingDayCalendar, facts: ClockFacts, today: string, extraStep?: ClockStep): ApplicationClock {
  const steps = orderSteps(facts.steps).map(toClockStep);
  if (extraStep) steps.push(extraStep);
  return computeApplicationClock({
    calendar,
    receiptMethod: facts.receiptMethod ?? "ledger",
    submittedOn: dateColumnToIsoDate(facts.submittedOn),
    steps,
    today,
    deferRestDayReceipt: wasRestDayReceiptDeferred(calendar, facts),
  });
}

/** The stored status that matches a clock. */
export function statusOfClock(clock: ApplicationClock): ApplicationStatus {
  if (clock.phase === "answered") return "closed";
  if (clock.phase === "decided") return "decided";
  if (clock.openPause?.kind === "correction") return "awaiting_correction";
  // The status slug is published; a consultation of another agency is shown as the same wait.
  if (clock.openPause?.kind === "third_party" || clock.openPause?.kind === "agency") return "awaiting_third_party";
  if (clock.openPause?.kind === "fee") return "awaiting_fee";
  return "processing";
}
