import "server-only";
import { clockOf } from "@/lib/applications/application-clock";
import { findHandlingSectionIdsByAgency } from "@/lib/applications/handling-section";
import type { ApplicationOutcomeSlug } from "@/lib/applications/outcomes";
import { itemDisclosureRule } from "@/lib/catalogue/statutory-categories";
import { beijingDayOf, dateColumnToIsoDate, isoDateToDateColumn } from "@/lib/dates";
import { db } from "@/lib/db";
import type { WorkingDayCalendar } from "@/lib/deadlines/calendar";
import { addCalendarDays, type IsoDate } from "@/lib/deadlines/iso-date";
import { addWorkingDays } from "@/lib/deadlines/working-days";
import type { Satisfaction } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { isInPeriod, type PeriodRange } from "@/lib/oversight/assessment-period";
import { annualReportDueOn, judgeDeadline } from "@/lib/oversight/assessment-rules";
import { loadMessageReplyWorkingDays } from "@/lib/oversight/oversight-settings";
import { listPublishedReportsByAgency } from "@/lib/reports/manage-reports";

/**
 * The records behind the assessment figures: one row per record whose deadline falls in the period,
 * done (on time or late) or still open past its deadline (late). Open records not yet due are not
 * counted. Every deadline is the one the record's own console page shows.
 */
export const deadlineFigureKeys = [
  "itemsPublished",
  "decisionsPublished",
  "applicationsAnswered",
  "proposalReplies",
  "messagesAnswered",
  "annualReport",
] as const;
export type DeadlineFigureKey = (typeof deadlineFigureKeys)[number];

export type AssessmentRecord = {
  figure: DeadlineFigureKey;
  /** The agency answerable for it (集约化: each agency is assessed on its own records). */
  agencyId: number;
  id: number;
  label: string;
  url: string;
  /** The section answerable for it; null for the agency's own (the annual report). */
  sectionId: number | null;
  dueOn: IsoDate;
  /** Published, answered or replied on; null while still open. */
  doneOn: IsoDate | null;
  late: boolean;
  outcome?: ApplicationOutcomeSlug | null;
  satisfaction?: Satisfaction | null;
};

type Context = { calendar: WorkingDayCalendar; range: PeriodRange; today: IsoDate; agencyIds: number[] };

function record(context: Context, fields: Omit<AssessmentRecord, "late">): AssessmentRecord | null {
  const late = judgeDeadline(fields.dueOn, fields.doneOn, context.today);
  if (late === null || !isInPeriod(fields.dueOn, context.range)) return null;
  return { ...fields, late };
}

const present = <Value>(value: Value | null): value is Value => value !== null;

/**
 * Art. 26: an item is published within 20 working days of being formed or changed (the category's
 * own limit where it has one, as the item page shows): the published revision's 信息形成日期 against
 * the day that revision went online; an item never published, against today.
 */
async function itemRecords(context: Context): Promise<AssessmentRecord[]> {
  // Deadlines are at most a few months after the formation day (the longest holiday runs are 9 days).
  const formedFrom = isoDateToDateColumn(addCalendarDays(context.range.from, -120));
  const items = await db.item.findMany({
    where: {
      section: { agencyId: { in: context.agencyIds } },
      OR: [
        { publishedRevisionId: { not: null }, publishedRevision: { is: { formedAt: { gte: formedFrom, lte: isoDateToDateColumn(context.range.to) } } } },
        {
          publishedRevisionId: null,
          state: { not: "withdrawn" },
          latestRevision: { is: { formedAt: { gte: formedFrom, lte: isoDateToDateColumn(context.range.to) } } },
        },
      ],
    },
    select: {
      id: true,
      sectionId: true,
      section: { select: { agencyId: true } },
      publishedAt: true,
      lastPublishedAt: true,
      publishedRevision: { select: { title: true, formedAt: true, category: { select: { slug: true } } } },
      latestRevision: { select: { title: true, formedAt: true, category: { select: { slug: true } } } },
    },
  });
  return items
    .map((item) => {
      const revision = item.publishedRevision ?? item.latestRevision!;
      const published = item.publishedRevision ? (item.lastPublishedAt ?? item.publishedAt) : null;
      const formedOn = dateColumnToIsoDate(revision.formedAt);
      return record(context, {
        figure: "itemsPublished",
        agencyId: item.section.agencyId,
        id: item.id,
        label: revision.title,
        url: `/admin/items/${item.id}`,
        sectionId: item.sectionId,
        dueOn: addWorkingDays(context.calendar, formedOn, itemDisclosureRule(revision.category.slug).workingDays).due,
        doneOn: published ? beijingDayOf(published) : null,
      });
    })
    .filter(present);
}

/**
 * 双公示: a decision online within 7 working days of the decision, the due day the register stored
 * (lib/decisions/publicity-rules.ts). Simple-procedure penalties never go online and are not counted.
 */
async function decisionRecords(context: Context): Promise<AssessmentRecord[]> {
  const decisions = await db.administrativeDecision.findMany({
    where: {
      section: { agencyId: { in: context.agencyIds } },
      disclosureDueOn: { gte: isoDateToDateColumn(context.range.from), lte: isoDateToDateColumn(context.range.to) },
      OR: [{ penaltyProcedure: null }, { penaltyProcedure: { not: "simple" } }],
      NOT: { publishedAt: null, state: "withdrawn" },
    },
    select: {
      id: true,
      sectionId: true,
      section: { select: { agencyId: true } },
      documentNumber: true,
      counterpartyName: true,
      disclosureDueOn: true,
      publishedAt: true,
    },
  });
  return decisions
    .map((decision) =>
      record(context, {
        figure: "decisionsPublished",
        agencyId: decision.section.agencyId,
        id: decision.id,
        label: `${decision.documentNumber}（${decision.counterpartyName}）`,
        url: `/admin/decisions/${decision.id}`,
        sectionId: decision.sectionId,
        dueOn: dateColumnToIsoDate(decision.disclosureDueOn),
        doneOn: decision.publishedAt ? beijingDayOf(decision.publishedAt) : null,
      }),
    )
    .filter(present);
}

/**
 * Art. 33: the reply by the due day the application's page shows (its clock: extensions, pauses for
 * completion, consultations and fees, lib/applications/application-clock.ts), under the section that
 * handles applications. Applications entered from a paper ledger have no clock and are left out.
 */
async function applicationRecords(context: Context): Promise<AssessmentRecord[]> {
  const [handling, rows] = await Promise.all([
    findHandlingSectionIdsByAgency(context.agencyIds),
    db.application.findMany({
      where: {
        agencyId: { in: context.agencyIds },
        source: { not: "ledger" },
        receivedOn: { gte: isoDateToDateColumn(addCalendarDays(context.range.from, -400)), lte: isoDateToDateColumn(context.range.to) },
      },
      include: { steps: true },
    }),
  ]);
  return rows
    .map((row) => {
      const clock = clockOf(
        context.calendar,
        { receiptMethod: row.receiptMethod, submittedOn: row.submittedOn, receivedOn: row.receivedOn, steps: row.steps },
        context.today,
      );
      if (clock.dueOn === null) return null;
      return record(context, {
        figure: "applicationsAnswered",
        agencyId: row.agencyId,
        id: row.id,
        label: row.number,
        url: `/admin/applications/${row.id}`,
        sectionId: handling.get(row.agencyId) ?? null,
        dueOn: clock.dueOn,
        doneOn: clock.answeredOn,
        outcome: clock.answeredOn ? row.outcome : null,
      });
    })
    .filter(present);
}

/**
 * 建议提案: the first reply by its due day (a proposal not replied to, by the deadline set at
 * assignment); satisfaction is the latest feedback recorded, as the proposal statistics count it.
 */
async function proposalRecords(context: Context): Promise<AssessmentRecord[]> {
  const year = Number(context.range.from.slice(0, 4));
  const proposals = await db.proposal.findMany({
    where: { agencyId: { in: context.agencyIds }, year: { gte: year - 1, lte: year } },
    select: {
      id: true,
      agencyId: true,
      number: true,
      title: true,
      status: true,
      deadline: true,
      leadSectionId: true,
      replies: { orderBy: { round: "asc" }, select: { dueOn: true, repliedOn: true, satisfaction: true, withdrawnAt: true } },
    },
  });
  return proposals
    .map((proposal) => {
      const first = proposal.replies[0];
      const due = first ? dateColumnToIsoDate(first.dueOn) : dateColumnToIsoDate(proposal.deadline);
      if (due === null) return null;
      const issued = proposal.replies.filter((reply) => reply.repliedOn !== null);
      // A proposal closed without any reply on record was settled outside the system: nothing to judge.
      if (!issued.length && proposal.status === "closed") return null;
      const latestFeedback = [...issued].reverse().find((reply) => reply.satisfaction !== null);
      return record(context, {
        figure: "proposalReplies",
        agencyId: proposal.agencyId,
        id: proposal.id,
        label: `${proposal.number} ${proposal.title}`,
        url: `/admin/proposals/${proposal.id}`,
        sectionId: proposal.leadSectionId,
        dueOn: due,
        doneOn: dateColumnToIsoDate(issued[0]?.repliedOn ?? null),
        satisfaction: latestFeedback?.satisfaction ?? null,
      });
    })
    .filter(present);
}

/**
 * 互动回应: a visitor's message answered within the agency's promise (working days from the day it
 * came in, the setting the spot-check uses). Rejected messages (spam, abuse) are not counted.
 */
async function messageRecords(context: Context): Promise<AssessmentRecord[]> {
  const [promise, rows] = await Promise.all([
    loadMessageReplyWorkingDays(),
    db.feedback.findMany({
      where: {
        agencyId: { in: context.agencyIds },
        status: { not: "rejected" },
        submittedAt: {
          gte: new Date(`${addCalendarDays(context.range.from, -120)}T00:00:00+08:00`),
          lt: new Date(`${addCalendarDays(context.range.to, 1)}T00:00:00+08:00`),
        },
      },
      select: { id: true, agencyId: true, topic: true, sectionId: true, submittedAt: true, answeredAt: true },
    }),
  ]);
  return rows
    .map((message) =>
      record(context, {
        figure: "messagesAnswered",
        agencyId: message.agencyId,
        id: message.id,
        label: message.topic,
        url: `/admin/feedback/${message.id}`,
        sectionId: message.sectionId,
        dueOn: addWorkingDays(context.calendar, beijingDayOf(message.submittedAt), promise).due,
        doneOn: message.answeredAt ? beijingDayOf(message.answeredAt) : null,
      }),
    )
    .filter(present);
}

/** Art. 49: the report on a year, published by 31 January of the next; the agency's, no section's. */
async function annualReportRecords(context: Context): Promise<AssessmentRecord[]> {
  const firstYear = Number(context.range.from.slice(0, 4));
  const lastYear = Number(context.range.to.slice(0, 4));
  const reportYears = Array.from({ length: lastYear - firstYear + 1 }, (_, index) => firstYear + index - 1);
  const [reportsOf, agencies] = await Promise.all([
    listPublishedReportsByAgency(context.agencyIds, reportYears),
    db.agency.findMany({ where: { id: { in: context.agencyIds } }, select: { id: true, code: true } }),
  ]);
  // The report workspace of the record's agency (a platform role reads any agency's there).
  const codeOf = new Map(agencies.map((agency) => [agency.id, agency.code]));
  const records: (AssessmentRecord | null)[] = [];
  for (const agencyId of context.agencyIds) {
    for (const reportYear of reportYears) {
      const published = reportsOf.get(agencyId)?.find((report) => report.year === reportYear);
      records.push(
        record(context, {
          figure: "annualReport",
          agencyId,
          id: reportYear,
          label: messages.assessment.reportLabel(reportYear),
          // A report published as an item before this system links to that item.
          url: published?.href.startsWith("/items/")
            ? `/admin${published.href}`
            : `/admin/reports/${reportYear}?agency=${encodeURIComponent(codeOf.get(agencyId)!)}`,
          sectionId: null,
          dueOn: annualReportDueOn(reportYear),
          doneOn: published?.publishedAt ?? null,
        }),
      );
    }
  }
  return records.filter(present);
}

/**
 * Every record of `agencyIds` whose deadline falls in `range`, judged on `today`: the same handful of
 * queries for one agency or for every agency of the platform.
 */
export async function collectAssessmentRecords(
  calendar: WorkingDayCalendar,
  range: PeriodRange,
  today: IsoDate,
  agencyIds: readonly number[],
): Promise<AssessmentRecord[]> {
  const context = { calendar, range, today, agencyIds: [...agencyIds] };
  const groups = await Promise.all([
    itemRecords(context),
    decisionRecords(context),
    applicationRecords(context),
    proposalRecords(context),
    messageRecords(context),
    annualReportRecords(context),
  ]);
  return groups.flat();
}
