import type { Satisfaction } from "@/lib/generated/prisma/enums";

export type SatisfactionCounts = { satisfied: number; basically_satisfied: number; unsatisfied: number };

export const emptySatisfactionCounts = (): SatisfactionCounts => ({ satisfied: 0, basically_satisfied: 0, unsatisfied: 0 });

export function countSatisfaction(ratings: readonly (Satisfaction | null | undefined)[]): SatisfactionCounts {
  const counts = emptySatisfactionCounts();
  for (const rating of ratings) if (rating) counts[rating]++;
  return counts;
}

/**
 * 满意率: (满意 + 基本满意) over the results that have any feedback, between 0 and 1; null when
 * nobody has given feedback yet (0% would claim everybody was unsatisfied).
 */
export function satisfactionRate(counts: SatisfactionCounts): number | null {
  const withFeedback = counts.satisfied + counts.basically_satisfied + counts.unsatisfied;
  if (withFeedback === 0) return null;
  return (counts.satisfied + counts.basically_satisfied) / withFeedback;
}

/** "100%", "87.5%", or "—" without feedback. */
export function formatSatisfactionRate(rate: number | null): string {
  if (rate === null) return "—";
  const percent = Math.round(rate * 1000) / 10;
  return `${percent}%`;
}
