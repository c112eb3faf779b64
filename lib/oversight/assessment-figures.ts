/**
 * Counting the assessment records into figures (pure): on time and late per deadline figure,
 * application outcomes by reply code, proposal satisfaction, register freshness.
 */
import { applicationOutcomeSlugs, type ApplicationOutcomeSlug } from "@/lib/applications/outcomes";
import type { AssessmentRecord, DeadlineFigureKey } from "@/lib/oversight/assessment-records";
import type { RegisterFreshness } from "@/lib/oversight/assessment-registers";
import { countSatisfaction, type SatisfactionCounts } from "@/lib/proposals/satisfaction";

export type DeadlineFigure = { onTime: number; late: number };

export type SectionFigures = {
  itemsPublished: DeadlineFigure;
  decisionsPublished: DeadlineFigure;
  /** `outcomes`: the reply codes of the applications answered, only those that occur. */
  applicationsAnswered: DeadlineFigure & { outcomes: Partial<Record<ApplicationOutcomeSlug, number>> };
  proposalReplies: DeadlineFigure & { satisfaction: SatisfactionCounts };
  messagesAnswered: DeadlineFigure;
  /** `onTime`: registers up to date; `late`: stale ones (registers whose column has no limit count in neither). */
  registerFreshness: DeadlineFigure & { registers: RegisterFreshness[] };
};

export type AgencyFigures = SectionFigures & { annualReport: DeadlineFigure };

export const figureKeys = [
  "itemsPublished",
  "decisionsPublished",
  "applicationsAnswered",
  "proposalReplies",
  "messagesAnswered",
  "registerFreshness",
  "annualReport",
] as const;
export type FigureKey = (typeof figureKeys)[number];

export function countDeadline(records: readonly AssessmentRecord[], figure: DeadlineFigureKey): DeadlineFigure {
  const of = records.filter((record) => record.figure === figure);
  return { onTime: of.filter((record) => !record.late).length, late: of.filter((record) => record.late).length };
}

function countOutcomes(records: readonly AssessmentRecord[]): Partial<Record<ApplicationOutcomeSlug, number>> {
  const counts: Partial<Record<ApplicationOutcomeSlug, number>> = {};
  for (const slug of applicationOutcomeSlugs) {
    const count = records.filter((record) => record.figure === "applicationsAnswered" && record.outcome === slug).length;
    if (count) counts[slug] = count;
  }
  return counts;
}

export function countRegisters(registers: readonly RegisterFreshness[]): DeadlineFigure & { registers: RegisterFreshness[] } {
  return {
    onTime: registers.filter((register) => register.stale === false).length,
    late: registers.filter((register) => register.stale === true).length,
    registers: [...registers],
  };
}

export function countSectionFigures(records: readonly AssessmentRecord[], registers: readonly RegisterFreshness[]): SectionFigures {
  return {
    itemsPublished: countDeadline(records, "itemsPublished"),
    decisionsPublished: countDeadline(records, "decisionsPublished"),
    applicationsAnswered: { ...countDeadline(records, "applicationsAnswered"), outcomes: countOutcomes(records) },
    proposalReplies: {
      ...countDeadline(records, "proposalReplies"),
      satisfaction: countSatisfaction(records.filter((record) => record.figure === "proposalReplies").map((record) => record.satisfaction)),
    },
    messagesAnswered: countDeadline(records, "messagesAnswered"),
    registerFreshness: countRegisters(registers),
  };
}

export function countAgencyFigures(records: readonly AssessmentRecord[], registers: readonly RegisterFreshness[]): AgencyFigures {
  return { ...countSectionFigures(records, registers), annualReport: countDeadline(records, "annualReport") };
}
