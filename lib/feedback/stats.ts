import "server-only";
import { reachesEveryAgency } from "@/lib/agency/agency-scope";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { countSatisfaction, satisfactionRate, type SatisfactionCounts } from "@/lib/proposals/satisfaction";

export type FeedbackYearStats = {
  year: number;
  received: number;
  answered: number;
  published: number;
  rejected: number;
  inModeration: number;
  ratings: SatisfactionCounts;
  /** (满意 + 基本满意) / ratings, between 0 and 1; null without ratings. */
  satisfactionRate: number | null;
};

/** Start and end of a calendar year in Beijing time. */
function beijingYear(year: number): { gte: Date; lt: Date } {
  return { gte: new Date(`${year}-01-01T00:00:00+08:00`), lt: new Date(`${year + 1}-01-01T00:00:00+08:00`) };
}

/** Messages received in a year (Beijing time) and the visitors' ratings of their replies. */
export async function feedbackStatsForYear(actor: ActingUser, year: number): Promise<FeedbackYearStats> {
  assertPermitted(actor, "feedback.read_console");
  // Only the messages left for the actor's agency (集约化), or every agency's for a platform role.
  const where = { submittedAt: beijingYear(year), ...(reachesEveryAgency(actor) ? {} : { agencyId: actor.agencyId }) };
  const [groups, published, ratings] = await Promise.all([
    db.feedback.groupBy({ by: ["status"], where, _count: { _all: true } }),
    db.feedback.count({ where: { ...where, publishedAt: { not: null } } }),
    db.feedbackRating.findMany({ where: { feedback: where }, select: { rating: true } }),
  ]);
  const byStatus = Object.fromEntries(groups.map((group) => [group.status, group._count._all])) as Partial<Record<string, number>>;
  const counts = countSatisfaction(ratings.map((row) => row.rating));
  return {
    year,
    received: groups.reduce((sum, group) => sum + group._count._all, 0),
    answered: byStatus.answered ?? 0,
    published,
    rejected: byStatus.rejected ?? 0,
    inModeration: byStatus.moderation ?? 0,
    ratings: counts,
    satisfactionRate: satisfactionRate(counts),
  };
}
