import "server-only";
import type { DatabaseTransaction } from "@/lib/db";
import { messages } from "@/lib/i18n";
import type { ScreeningFindingKind } from "@/lib/screening";
import { findingsOfTexts } from "@/lib/screening/acknowledgements";

export type ItemScreeningFinding = {
  /** Stable for the same revision content: how a submitter's acknowledgement names the finding. */
  key: string;
  source: string;
  kind: ScreeningFindingKind;
  match: string;
  context: string;
};

type ScreenedText = { source: string; text: string };

/** Screens a revision's title, body and attachment texts for personal and sensitive data. */
export async function screenRevision(tx: DatabaseTransaction, revisionId: number): Promise<ItemScreeningFinding[]> {
  const revision = await tx.itemRevision.findUniqueOrThrow({
    where: { id: revisionId },
    include: { attachments: { include: { file: true }, orderBy: { sortOrder: "asc" } } },
  });
  const sensitiveWords = (await tx.sensitiveWord.findMany()).map((row) => row.word);
  const wordingErrors = await tx.wordingRule.findMany({ select: { wrong: true, correct: true } });
  const texts: ScreenedText[] = [
    { source: messages.items.screeningSources.title, text: revision.title },
    { source: messages.items.screeningSources.body, text: revision.bodyText },
    ...(revision.documentNumber ? [{ source: messages.items.screeningSources.documentNumber, text: revision.documentNumber }] : []),
    ...revision.attachments.map((attachment) => ({
      source: messages.items.screeningSources.attachment(attachment.file.originalName),
      text: attachment.file.extractedText ?? "",
    })),
  ];
  return findingsOfTexts(texts, { sensitiveWords, wordingErrors });
}
