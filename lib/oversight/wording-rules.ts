import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { parseInput } from "@/lib/validation";

const m = messages.oversight.wording;

export const maximumWordingLength = 100;
export const maximumWordingRulesPerSubmission = 500;

export type WordingRuleSummary = { id: number; wrong: string; correct: string };

export async function listWordingRules(actor: ActingUser): Promise<WordingRuleSummary[]> {
  assertPermitted(actor, "spot_check.read");
  return db.wordingRule.findMany({ orderBy: [{ wrong: "asc" }, { id: "asc" }], select: { id: true, wrong: true, correct: true } });
}

/** One rule a line, 错误=正确 (or →, ⇒): the form an office keeps such a list in. */
const separator = /\s*(?:=|＝|→|⇒)\s*/;

export const wordingRulesInputSchema = z.object({ rules: z.string({ error: m.required }).max(100_000) });

function parseLines(text: string): { wrong: string; correct: string }[] {
  const lines = text.split(/\r?\n/);
  const rules: { wrong: string; correct: string }[] = [];
  const problems: string[] = [];
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    const parts = line.trim().split(separator);
    const [wrong, correct] = parts;
    if (parts.length !== 2 || !wrong || !correct) return void problems.push(m.lineInvalid(index + 1));
    if (wrong === correct) return void problems.push(m.sameText(index + 1));
    if (wrong.length > maximumWordingLength || correct.length > maximumWordingLength) return void problems.push(m.tooLong(index + 1, maximumWordingLength));
    rules.push({ wrong, correct });
  });
  if (problems.length) throw new ValidationError({ rules: problems });
  if (!rules.length) throw new ValidationError({ rules: [m.required] });
  if (rules.length > maximumWordingRulesPerSubmission) throw new ValidationError({ rules: [m.tooMany(maximumWordingRulesPerSubmission)] });
  return rules;
}

/** Adds the rules of the text, all or none: a wrong form already listed is an error, named. */
export async function addWordingRules(actor: ActingUser, input: unknown): Promise<{ added: number }> {
  assertPermitted(actor, "spot_check.configure");
  const rules = parseLines(parseInput(wordingRulesInputSchema, input).rules);
  return db.$transaction(async (tx) => {
    const existing = new Set((await tx.wordingRule.findMany({ select: { wrong: true } })).map((row) => row.wrong));
    const duplicates: string[] = [];
    for (const { wrong } of rules) {
      if (existing.has(wrong)) duplicates.push(m.duplicate(wrong));
      existing.add(wrong);
    }
    if (duplicates.length) throw new ValidationError({ rules: duplicates });
    for (const rule of rules) {
      const row = await tx.wordingRule.create({ data: rule });
      await recordAuditEvent(tx, { actorId: actor.id, action: "wording_rule.add", entityType: "WordingRule", entityId: row.id, details: rule });
    }
    return { added: rules.length };
  });
}

export async function removeWordingRule(actor: ActingUser, ruleId: number): Promise<void> {
  assertPermitted(actor, "spot_check.configure");
  if (!Number.isSafeInteger(ruleId) || ruleId <= 0) throw new NotFoundError(messages.common.errors.notFound);
  await db.$transaction(async (tx) => {
    const row = await tx.wordingRule.findUnique({ where: { id: ruleId } });
    if (!row) throw new NotFoundError(messages.common.errors.notFound);
    await tx.wordingRule.delete({ where: { id: ruleId } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "wording_rule.remove",
      entityType: "WordingRule",
      entityId: ruleId,
      details: { wrong: row.wrong, correct: row.correct },
    });
  });
}
