import "server-only";
import type { DatabaseTransaction } from "@/lib/db";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findScreeningFindings, type ScreeningFindingKind } from "@/lib/screening";

/**
 * Visitors' messages are screened with the detectors items use (lib/screening: ID numbers, mobile
 * numbers, bank cards, e-mail addresses, the admin's sensitive words) on the texts that can be
 * published — the topic, the content and the reply. The name and contact are never published, so
 * they are not screened for personal data (they are personal data); the name is checked against
 * the sensitive-word list as before, since an abusive name is still abuse.
 */
export type FeedbackScreeningFinding = {
  /** Stable for the same texts: how an acknowledgement names the finding (as items' findings do). */
  key: string;
  source: string;
  kind: ScreeningFindingKind;
  match: string;
  context: string;
};

type ScreenedText = { source: string; text: string };

const sources = messages.proposals.feedback.screening.sources;

export function screenFeedbackTexts(texts: ScreenedText[], sensitiveWords: string[]): FeedbackScreeningFinding[] {
  return texts.flatMap(({ source, text }) =>
    findScreeningFindings(text, { sensitiveWords }).map((finding) => ({
      key: `${source}|${finding.kind}|${finding.start}|${finding.match}`,
      source,
      kind: finding.kind,
      match: finding.match,
      context: finding.context,
    })),
  );
}

export async function loadSensitiveWords(reader: Pick<DatabaseTransaction, "sensitiveWord"> = db): Promise<string[]> {
  return (await reader.sensitiveWord.findMany({ select: { word: true } })).map((row) => row.word);
}

/** The texts of a message the public would see. */
export function messageTexts(message: { topic: string; content: string }): ScreenedText[] {
  return [
    { source: sources.topic, text: message.topic },
    { source: sources.content, text: message.content },
  ];
}

/** The texts of a published pair: the message and the reply. */
export function publishedPairTexts(message: { topic: string; content: string }, reply: string): ScreenedText[] {
  return [...messageTexts(message), { source: sources.reply, text: reply }];
}

/**
 * Publication refused until the section head has acknowledged every finding with a note, as an
 * item's submitter does (lib/items/item-review.ts): 422 with the findings in `details.findings`.
 */
export class PublicationAcknowledgementRequired extends ValidationError {
  constructor(readonly findings: FeedbackScreeningFinding[]) {
    super({ acknowledgements: [messages.proposals.feedback.screening.acknowledge(findings.length)] }, messages.proposals.feedback.screening.acknowledgeTitle);
    this.details = { findings };
  }
}

/** The acknowledgement notes by finding key; throws unless every finding has one. */
export function requireAcknowledgements(findings: FeedbackScreeningFinding[], acknowledgements: { key: string; note: string }[]): Map<string, string> {
  const notes = new Map(acknowledgements.map((entry) => [entry.key, entry.note]));
  if (findings.some((finding) => !notes.get(finding.key))) throw new PublicationAcknowledgementRequired(findings);
  return notes;
}
