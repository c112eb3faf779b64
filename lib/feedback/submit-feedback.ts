import "server-only";
import { resolvePublicAgency } from "@/lib/agency/public-agency";
import { recordAuditEvent } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { feedbackSubmissionSchema } from "@/lib/feedback/feedback-schemas";
import { loadSensitiveWords, messageTexts, screenFeedbackTexts } from "@/lib/feedback/feedback-screening";
import { messages } from "@/lib/i18n";
import { notifyMessageWaiting } from "@/lib/notifications/record-notifications";
import { enforceRateLimit } from "@/lib/rate-limit/rate-limit";
import { findSensitiveWords } from "@/lib/screening/detectors/sensitive-word";
import { parseInput } from "@/lib/validation";

/** Messages one client may send: a handful per ten minutes is plenty for a person, little for a script. */
export const feedbackSubmissionLimit = { limit: 5, windowSeconds: 600 } as const;

/** The distinct sensitive words (as listed) a text contains. */
export function matchSensitiveWords(text: string, words: string[]): string[] {
  const found = new Map<string, string>();
  for (const match of findSensitiveWords(text, words)) found.set(match.match.toLowerCase(), match.match);
  return [...found.values()];
}

/**
 * A visitor's message (意见建议). Valid input first, then the client's rate limit (so typing errors
 * do not use it up). The topic and content are screened like an item before submission
 * (lib/feedback/feedback-screening.ts): a message with a finding — an ID, mobile or bank-card
 * number, an e-mail address, a word of the sensitive-word list — or a name on that list waits in the
 * moderation queue, with its findings, instead of reaching the section. About an item: only a
 * publicly visible one, routed to the item's section; about the site: unassigned until someone
 * takes or assigns it.
 */
export async function submitFeedback(input: unknown, context: { clientKey: string }): Promise<{ id: number; held: boolean }> {
  const data = parseInput(feedbackSubmissionSchema, input);
  // The agency the message is left for (集约化): the one named, an unknown code being a field error.
  const named = data.agencyCode ? await resolveNamedAgency(data.agencyCode) : null;
  let item: { id: number; sectionId: number; agencyId: number; title: string } | null = null;
  if (data.itemId) {
    const found = await db.item.findFirst({
      // An item of another agency than the one named is treated as missing.
      where: { id: data.itemId, publishedRevisionId: { not: null }, withdrawnAt: null, ...(named ? { section: { agencyId: named.id } } : {}) },
      select: { id: true, sectionId: true, section: { select: { agencyId: true } }, publishedRevision: { select: { title: true } } },
    });
    if (!found) throw new ValidationError({ itemId: [messages.proposals.feedbackRules.itemNotPublic] });
    item = { id: found.id, sectionId: found.sectionId, agencyId: found.section.agencyId, title: found.publishedRevision!.title };
  }
  // Else the item's agency, else (the column's default) the default agency.
  const agencyId = named?.id ?? item?.agencyId;
  await enforceRateLimit({ key: `feedback:${context.clientKey}`, ...feedbackSubmissionLimit });
  const words = await loadSensitiveWords();
  const matches = matchSensitiveWords([data.topic, data.content, data.name ?? ""].join("\n"), words);
  const findings = screenFeedbackTexts(messageTexts(data), words);
  const held = matches.length > 0 || findings.length > 0;
  return db.$transaction(async (tx) => {
    const feedback = await tx.feedback.create({
      data: {
        ...(agencyId !== undefined ? { agencyId } : {}),
        topic: data.topic,
        content: data.content,
        name: data.name,
        contact: data.contact,
        mayPublish: data.mayPublish,
        itemId: item?.id ?? null,
        itemTitle: item?.title ?? null,
        sectionId: item?.sectionId ?? null,
        status: held ? "moderation" : "received",
        moderationMatches: matches,
        screeningFindings: {
          create: findings.map((finding) => ({
            stage: "submission" as const,
            source: finding.source,
            kind: finding.kind,
            match: finding.match,
            context: finding.context,
          })),
        },
      },
    });
    // No personal data in the audit log: the message itself is the record (the kinds found, not what).
    await recordAuditEvent(tx, {
      actorId: null,
      action: "feedback.submit",
      entityType: "Feedback",
      entityId: feedback.id,
      toState: feedback.status,
      details: { itemId: item?.id ?? null, mayPublish: data.mayPublish, held, findingKinds: [...new Set(findings.map((finding) => finding.kind))] },
    });
    await notifyMessageWaiting(tx, { id: feedback.id, sectionId: feedback.sectionId, held });
    return { id: feedback.id, held };
  });
}

async function resolveNamedAgency(code: string): Promise<{ id: number }> {
  try {
    return await resolvePublicAgency(code);
  } catch (error) {
    if (error instanceof NotFoundError) throw new ValidationError({ agencyCode: [messages.common.notFound.agency] });
    throw error;
  }
}
