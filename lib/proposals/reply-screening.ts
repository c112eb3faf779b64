import "server-only";
import type { DatabaseTransaction } from "@/lib/db";
import type { ReplyDisclosure } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { findingsOfTexts, type AcknowledgeableFinding } from "@/lib/screening/acknowledgements";

const sources = messages.proposals.console.detail.screeningSources;

/**
 * The texts of a reply the public will see, by its disclosure: the body and attachments when
 * published in full, the summary when 摘要公开, nothing when 不公开. Screened with the detectors items
 * use (lib/screening) — the proposers' names are public by design and are not in these texts.
 */
export async function screenProposalReply(tx: DatabaseTransaction, replyId: number): Promise<AcknowledgeableFinding[]> {
  const reply = await tx.proposalReply.findUniqueOrThrow({
    where: { id: replyId },
    include: { attachments: { include: { file: true }, orderBy: { sortOrder: "asc" } } },
  });
  const disclosure: ReplyDisclosure = reply.disclosure;
  const texts =
    disclosure === "full"
      ? [
          { source: sources.body, text: reply.body },
          ...reply.attachments.map((attachment) => ({ source: sources.attachment(attachment.file.originalName), text: attachment.file.extractedText ?? "" })),
        ]
      : disclosure === "summary"
        ? [{ source: sources.summary, text: reply.summary ?? "" }]
        : [];
  if (!texts.length) return [];
  const [sensitiveWords, wordingErrors] = await Promise.all([
    tx.sensitiveWord.findMany({ select: { word: true } }).then((rows) => rows.map((row) => row.word)),
    tx.wordingRule.findMany({ select: { wrong: true, correct: true } }),
  ]);
  return findingsOfTexts(texts, { sensitiveWords, wordingErrors });
}
