import "server-only";
import { reachesEveryAgency } from "@/lib/agency/agency-scope";
import type { ActingUser } from "@/lib/auth/acting-user";
import { db } from "@/lib/db";
import type { ProposalKind, Satisfaction } from "@/lib/generated/prisma/enums";
import { isReplyPublic } from "@/lib/proposals/reply-disclosure";
import { countSatisfaction, satisfactionRate, type SatisfactionCounts } from "@/lib/proposals/satisfaction";
import { readThroughPublicCache } from "@/lib/public-content/cached";

export type ProposalKindStats = {
  /** Registered in the year. */
  received: number;
  /** With an issued reply. */
  replied: number;
  /** Whose first reply was issued by its deadline. */
  onTime: number;
  /** With a reply the public can read (not 不公开, not withdrawn). */
  published: number;
  /** Proposals whose latest feedback is known. */
  withFeedback: number;
  satisfaction: SatisfactionCounts;
  /** (满意 + 基本满意) / withFeedback, between 0 and 1; null without any feedback. */
  satisfactionRate: number | null;
};

export type ProposalYearStats = { year: number; byKind: Record<ProposalKind, ProposalKindStats>; total: ProposalKindStats };

type ProposalFacts = { replied: boolean; onTime: boolean; published: boolean; satisfaction: Satisfaction | null };

function summarise(facts: ProposalFacts[]): ProposalKindStats {
  const satisfaction = countSatisfaction(facts.map((fact) => fact.satisfaction));
  return {
    received: facts.length,
    replied: facts.filter((fact) => fact.replied).length,
    onTime: facts.filter((fact) => fact.onTime).length,
    published: facts.filter((fact) => fact.published).length,
    withFeedback: facts.filter((fact) => fact.satisfaction !== null).length,
    satisfaction,
    satisfactionRate: satisfactionRate(satisfaction),
  };
}

/**
 * Per-year figures of 建议提案办理, for the public page, the console and the annual report:
 * received by kind, replied, replied on time, published, and the satisfaction rate over the
 * proposals with feedback (the latest feedback of each counts: a second reply's result replaces
 * the first).
 */
export async function proposalStatsForYear(year: number, scope: { agencyId?: number } = {}): Promise<ProposalYearStats> {
  // With an agency: only the proposals sent to it (集约化: a console user's own agency, an agency's annual report).
  return readThroughPublicCache("proposal-stats", [year, scope.agencyId ?? "all"], async () => {
    const proposals = await db.proposal.findMany({
      where: { year, ...(scope.agencyId !== undefined ? { agencyId: scope.agencyId } : {}) },
      select: {
        kind: true,
        replies: {
          orderBy: { round: "asc" },
          select: { round: true, state: true, disclosure: true, withdrawnAt: true, repliedOn: true, onTime: true, satisfaction: true },
        },
      },
    });
    const facts = proposals.map((proposal) => {
      const issued = proposal.replies.filter((reply) => reply.repliedOn !== null);
      const latestFeedback = [...issued].reverse().find((reply) => reply.satisfaction !== null);
      return {
        kind: proposal.kind,
        replied: issued.length > 0,
        onTime: issued[0]?.onTime === true,
        published: proposal.replies.some((reply) => isReplyPublic(reply)),
        satisfaction: latestFeedback?.satisfaction ?? null,
      };
    });
    return {
      year,
      byKind: {
        suggestion: summarise(facts.filter((fact) => fact.kind === "suggestion")),
        proposal: summarise(facts.filter((fact) => fact.kind === "proposal")),
      },
      total: summarise(facts),
    };
  });
}

/** The console's scope of the figures: the actor's agency, or every agency for a platform role. */
export function proposalStatsScope(actor: Pick<ActingUser, "role" | "agencyId">): { agencyId?: number } {
  return reachesEveryAgency(actor) ? {} : { agencyId: actor.agencyId };
}
