import "server-only";
import { clockOf } from "@/lib/applications/application-clock";
import { findHandlingSection, type HandlingSection } from "@/lib/applications/handling-section";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { dateColumnToIsoDate, todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import type { WorkingDayCalendar } from "@/lib/deadlines/calendar";
import type { IsoDate } from "@/lib/deadlines/iso-date";
import { messages } from "@/lib/i18n";
import { runOnceADay } from "@/lib/jobs/job-lock";
import {
  applicationDueSoonWorkingDays,
  decisionDueSoonWorkingDays,
  isDueWithin,
  periodEndingWorkingDays,
  proposalDueSoonWorkingDays,
  reportCountdown,
  workingDaysUntil,
} from "@/lib/notifications/due-rules";
import { emitNotification } from "@/lib/notifications/emit-notification";
import type { NotificationEventInput } from "@/lib/notifications/kinds";
import { usersHolding } from "@/lib/notifications/recipients";

const t = messages.notifications.titles;

/** One scheduled event: its dedupe key is the record, the kind and the day, so a day's scan never repeats it. */
type Found = Omit<NotificationEventInput, "dedupeKey" | "recipientIds"> & { recipients: () => Promise<number[]> };

async function emitFound(found: Found[], today: IsoDate): Promise<number> {
  let emitted = 0;
  for (const event of found) {
    const { recipients, ...rest } = event;
    const written = await db.$transaction(async (tx) =>
      emitNotification(tx, { ...rest, recipientIds: await recipients(), dedupeKey: `${event.kind}:${event.recordType}:${event.recordId}:${today}` }),
    );
    if (written) emitted++;
  }
  return emitted;
}

/**
 * Open applications: the reply due within 3 working days or overdue; a consultation's answer and a
 * fee notice's payment period ending. Told to the handling section of the application's agency
 * (集约化: each agency its own), never to another agency's.
 */
async function applicationEvents(calendar: WorkingDayCalendar, today: IsoDate): Promise<Found[]> {
  const rows = await db.application.findMany({
    where: { status: { not: "closed" }, source: { not: "ledger" } },
    select: { id: true, agencyId: true, number: true, receiptMethod: true, submittedOn: true, receivedOn: true, steps: true },
  });
  if (!rows.length) return [];
  const sections = new Map<number, HandlingSection | null>();
  for (const agencyId of new Set(rows.map((row) => row.agencyId))) sections.set(agencyId, await findHandlingSection(db, agencyId));
  const found: Found[] = [];
  for (const row of rows) {
    const section = sections.get(row.agencyId) ?? null;
    const handlers = () => usersHolding(db, "application.handle", section?.id ?? null);
    const clock = clockOf(calendar, row, today);
    if (clock.phase === "answered" || clock.phase === "decided" || clock.lapse) continue;
    const base = { recordType: "application", recordId: row.id, url: `/admin/applications/${row.id}`, sectionId: section?.id ?? null, recipients: handlers };
    if (clock.overdue && clock.dueOn) {
      found.push({ ...base, kind: "application_overdue", title: t.applicationOverdue(row.number, clock.dueOn) });
    } else if (clock.dueOn && !clock.openPause && isDueWithin(calendar, today, clock.dueOn, applicationDueSoonWorkingDays)) {
      found.push({
        ...base,
        kind: "application_due_soon",
        title: t.applicationDueSoon(row.number, clock.dueOn, workingDaysUntil(calendar, today, clock.dueOn)!),
      });
    }
    for (const consultation of clock.consultations) {
      if (consultation.endedOn || !consultation.latest || !isDueWithin(calendar, today, consultation.latest, periodEndingWorkingDays)) continue;
      found.push({
        ...base,
        kind: "consultation_due",
        recordId: `${row.id}-${consultation.stepId ?? consultation.from}`,
        title: t.consultationDue(row.number, consultation.latest),
      });
    }
    if (clock.fee?.payBy && !clock.fee.paidOn && isDueWithin(calendar, today, clock.fee.payBy, periodEndingWorkingDays)) {
      found.push({ ...base, kind: "fee_period_ending", title: t.feePeriodEnding(row.number, clock.fee.payBy) });
    }
  }
  return found;
}

/** 双公示 decisions not yet online whose 7-working-day limit ends within 2 working days. */
async function decisionEvents(calendar: WorkingDayCalendar, today: IsoDate): Promise<Found[]> {
  const rows = await db.administrativeDecision.findMany({
    where: { publishedAt: null, state: { notIn: ["published", "withdrawn"] } },
    select: { id: true, documentNumber: true, sectionId: true, disclosureDueOn: true },
  });
  return rows
    .filter((row) => isDueWithin(calendar, today, dateColumnToIsoDate(row.disclosureDueOn), decisionDueSoonWorkingDays))
    .map((row) => ({
      kind: "decision_due_soon" as const,
      recordType: "decision",
      recordId: row.id,
      // Named by its document number: the counterparty may be a natural person.
      title: t.decisionDueSoon(row.documentNumber, dateColumnToIsoDate(row.disclosureDueOn)),
      url: `/admin/decisions/${row.id}`,
      sectionId: row.sectionId,
      recipients: () => usersHolding(db, "decision.edit", row.sectionId),
    }));
}

/** Proposals in hand whose reply deadline is within 3 working days. */
async function proposalEvents(calendar: WorkingDayCalendar, today: IsoDate): Promise<Found[]> {
  const rows = await db.proposal.findMany({
    where: { status: "in_progress", deadline: { not: null }, leadSectionId: { not: null } },
    select: { id: true, title: true, deadline: true, leadSectionId: true },
  });
  return rows
    .filter((row) => isDueWithin(calendar, today, dateColumnToIsoDate(row.deadline!), proposalDueSoonWorkingDays))
    .map((row) => ({
      kind: "proposal_due_soon" as const,
      recordType: "proposal",
      recordId: row.id,
      title: t.proposalDueSoon(row.title, dateColumnToIsoDate(row.deadline!)),
      url: `/admin/proposals/${row.id}`,
      sectionId: row.leadSectionId,
      recipients: () => usersHolding(db, "proposal.reply", row.leadSectionId),
    }));
}

/** From 1 January until last year's report is published: its drafters and the leaders, every day. */
async function reportEvents(today: IsoDate): Promise<Found[]> {
  const year = Number(today.slice(0, 4)) - 1;
  const report = await db.annualReport.findFirst({ where: { year }, select: { id: true, state: true, sectionId: true } });
  const countdown = reportCountdown(today, report?.state === "published");
  if (!countdown) return [];
  return [
    {
      kind: "report_countdown",
      recordType: "report",
      recordId: countdown.reportYear,
      title: t.reportCountdown(countdown.reportYear, countdown.daysLeft),
      url: `/admin/reports/${countdown.reportYear}`,
      sectionId: report?.sectionId ?? null,
      recipients: async () => [...(await usersHolding(db, "report.edit")), ...(await usersHolding(db, "report.approve_leader"))],
    },
  ];
}

/** Finds today's scheduled events and writes those not written before (one per record, kind and day). */
export async function scanScheduledNotifications(today: IsoDate = todayInBeijing()): Promise<number> {
  const calendar = await loadWorkingDayCalendar();
  const found = [
    ...(await applicationEvents(calendar, today)),
    ...(await decisionEvents(calendar, today)),
    ...(await proposalEvents(calendar, today)),
    ...(await reportEvents(today)),
  ];
  return emitFound(found, today);
}

/** The scheduled round's part: once a day per process, one process at a time (its own lock). */
export async function scanScheduledNotificationsIfDue(): Promise<void> {
  const outcome = await runOnceADay("notification-scan", scanScheduledNotifications);
  if (outcome.ran && outcome.result) console.log(`[scheduler] ${outcome.result} scheduled notifications`);
}
