import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { db, Prisma } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { parseInput } from "@/lib/validation";

export const maximumSensitiveWordLength = 50;
export const maximumSensitiveWordsPerSubmission = 1000;

// Newlines, ASCII and full-width commas, and the enumeration comma 、 all separate words, so a list
// pasted from a Word document or a spreadsheet column splits the way the administrator expects.
const wordSeparators = /[\r\n,，、]+/;

export const sensitiveWordsInputSchema = z.object({
  words: z
    .string({ error: messages.administration.sensitiveWords.required })
    .transform((text) =>
      text
        .split(wordSeparators)
        .map((word) => word.trim())
        .filter((word) => word.length > 0),
    )
    .pipe(
      z
        .array(z.string().max(maximumSensitiveWordLength, { error: messages.administration.sensitiveWords.wordTooLong(maximumSensitiveWordLength) }))
        .min(1, { error: messages.administration.sensitiveWords.atLeastOne })
        .max(maximumSensitiveWordsPerSubmission, { error: messages.administration.sensitiveWords.tooMany(maximumSensitiveWordsPerSubmission) }),
    ),
});

export type SensitiveWordSummary = { id: number; word: string; createdAt: Date };

/** Screening matches words case-insensitively, so "ABC" and "abc" are the same word here too. */
function comparisonKey(word: string): string {
  return word.toLowerCase();
}

export async function listSensitiveWords(actor: ActingUser): Promise<SensitiveWordSummary[]> {
  assertPermitted(actor, "sensitive_words.manage");
  const rows = await db.sensitiveWord.findMany({ orderBy: [{ word: "asc" }, { id: "asc" }] });
  return rows.map((row) => ({ id: row.id, word: row.word, createdAt: row.createdAt }));
}

/**
 * Adds the words of a newline- or comma-separated list. Words already in the list (ignoring case)
 * and repeats within the submission are skipped, not errors: pasting an updated list is the normal
 * way to extend it.
 */
export async function addSensitiveWords(actor: ActingUser, input: unknown): Promise<{ added: string[]; skipped: string[] }> {
  assertPermitted(actor, "sensitive_words.manage");
  const { words } = parseInput(sensitiveWordsInputSchema, input);
  try {
    return await insertNewWords(actor, words);
  } catch (error) {
    // Another administrator added one of the words between our read and our insert.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError(messages.administration.sensitiveWords.concurrentChange);
    }
    throw error;
  }
}

async function insertNewWords(actor: ActingUser, words: string[]): Promise<{ added: string[]; skipped: string[] }> {
  return db.$transaction(async (tx) => {
    const known = new Set((await tx.sensitiveWord.findMany({ select: { word: true } })).map((row) => comparisonKey(row.word)));
    const added: string[] = [];
    const skipped: string[] = [];
    for (const word of words) {
      const key = comparisonKey(word);
      if (known.has(key)) {
        skipped.push(word);
        continue;
      }
      known.add(key);
      added.push(word);
    }
    for (const word of added) {
      const row = await tx.sensitiveWord.create({ data: { word } });
      await recordAuditEvent(tx, { actorId: actor.id, action: "sensitive_word.add", entityType: "SensitiveWord", entityId: row.id, details: { word } });
    }
    return { added, skipped };
  });
}

export async function removeSensitiveWord(actor: ActingUser, wordId: number): Promise<void> {
  assertPermitted(actor, "sensitive_words.manage");
  if (!Number.isSafeInteger(wordId) || wordId <= 0) throw new ValidationError({ id: [messages.administration.sensitiveWords.idInvalid] });
  await db.$transaction(async (tx) => {
    const row = await tx.sensitiveWord.findUnique({ where: { id: wordId } });
    if (!row) throw new NotFoundError(messages.administration.sensitiveWords.notFound);
    await tx.sensitiveWord.delete({ where: { id: wordId } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "sensitive_word.remove",
      entityType: "SensitiveWord",
      entityId: wordId,
      details: { word: row.word },
    });
  });
}
