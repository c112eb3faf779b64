import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { assertPermitted } from "@/lib/auth/permissions";
import type { ActingUser } from "@/lib/auth/acting-user";
import { recordAuditEvent } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { currentTime } from "@/lib/clock";

const TOKEN_PREFIX = "gk_";

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const apiTokenInputSchema = z.object({
  name: z.string({ error: "请填写令牌名称。" }).trim().min(1, { error: "请填写令牌名称。" }).max(60, { error: "名称最多 60 个字符。" }),
});

export type ApiTokenSummary = { id: number; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

/** Creates a personal token; the secret is returned only this once and stored hashed. */
export async function createApiToken(actor: ActingUser, input: unknown): Promise<{ token: string; summary: ApiTokenSummary }> {
  assertPermitted(actor, "account.manage_tokens");
  const { name } = parseInput(apiTokenInputSchema, input);
  const token = TOKEN_PREFIX + randomBytes(24).toString("base64url");
  const summary = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { userId: actor.id, name, prefix: token.slice(0, 8), tokenHash: hashApiToken(token) },
    });
    await recordAuditEvent(tx, { actorId: actor.id, action: "api_token.create", entityType: "ApiToken", entityId: created.id, details: { name } });
    return created;
  });
  return { token, summary: toSummary(summary) };
}

export async function listOwnApiTokens(actor: ActingUser): Promise<ApiTokenSummary[]> {
  assertPermitted(actor, "account.manage_tokens");
  const tokens = await db.apiToken.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" } });
  return tokens.map(toSummary);
}

export async function revokeApiToken(actor: ActingUser, tokenId: number): Promise<void> {
  assertPermitted(actor, "account.manage_tokens");
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, userId: actor.id, revokedAt: null } });
    if (!token) throw new NotFoundError("令牌不存在或已撤销。");
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: currentTime() } });
    await recordAuditEvent(tx, { actorId: actor.id, action: "api_token.revoke", entityType: "ApiToken", entityId: token.id });
  });
}

/** The user id a live token acts for, or null. */
export async function findUserIdByApiToken(token: string): Promise<number | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const found = await db.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) } });
  if (!found || found.revokedAt) return null;
  // Recording use is best-effort and must not fail the request.
  await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: currentTime() } }).catch(() => {});
  return found.userId;
}

function toSummary(token: ApiTokenSummary): ApiTokenSummary {
  const { id, name, prefix, createdAt, lastUsedAt, revokedAt } = token;
  return { id, name, prefix, createdAt, lastUsedAt, revokedAt };
}
