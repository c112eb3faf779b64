import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { apiTokenLifetimes, apiTokenScopes, DEFAULT_API_TOKEN_LIFETIME } from "@/lib/auth/token-options";
import { currentTime } from "@/lib/clock";
import { db, type DatabaseTransaction } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { ApiTokenScope } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { parseInput } from "@/lib/validation";

const TOKEN_PREFIX = "gk_";
const DAY_MS = 24 * 60 * 60 * 1000;

export type { ApiTokenScope };

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const apiTokenInputSchema = z.object({
  name: z
    .string({ error: messages.administration.apiTokens.nameRequired })
    .trim()
    .min(1, { error: messages.administration.apiTokens.nameRequired })
    .max(60, { error: messages.administration.apiTokens.nameTooLong }),
  scope: z.enum(apiTokenScopes, { error: messages.administration.apiTokens.chooseScope }).default("read"),
  lifetimeDays: z.coerce
    .number({ error: messages.administration.apiTokens.chooseLifetime })
    .refine((days) => (apiTokenLifetimes as readonly number[]).includes(days), { error: messages.administration.apiTokens.lifetimeInvalid })
    .default(DEFAULT_API_TOKEN_LIFETIME),
});

export type ApiTokenSummary = {
  id: number;
  name: string;
  prefix: string;
  scope: ApiTokenScope;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** Usable now: neither revoked nor expired. */
  live: boolean;
};

/** Creates a personal token; the secret is returned only this once and stored hashed. */
export async function createApiToken(actor: ActingUser, input: unknown): Promise<{ token: string; summary: ApiTokenSummary }> {
  assertPermitted(actor, "account.manage_tokens");
  const { name, scope, lifetimeDays } = parseInput(apiTokenInputSchema, input);
  const token = TOKEN_PREFIX + randomBytes(24).toString("base64url");
  const now = currentTime();
  const expiresAt = new Date(now.getTime() + lifetimeDays * DAY_MS);
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId: actor.id, name, scope, prefix: token.slice(0, 8), tokenHash: hashApiToken(token), createdAt: now, expiresAt },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "api_token.create",
      entityType: "ApiToken",
      entityId: row.id,
      details: { name, scope, expiresAt: expiresAt.toISOString() },
    });
    return row;
  });
  return { token, summary: toSummary(created, now) };
}

export async function listOwnApiTokens(actor: ActingUser): Promise<ApiTokenSummary[]> {
  assertPermitted(actor, "account.manage_tokens");
  const tokens = await db.apiToken.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" } });
  const now = currentTime();
  return tokens.map((token) => toSummary(token, now));
}

export async function revokeApiToken(actor: ActingUser, tokenId: number): Promise<void> {
  assertPermitted(actor, "account.manage_tokens");
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, userId: actor.id, revokedAt: null } });
    if (!token) throw new NotFoundError(messages.administration.apiTokens.notFound);
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: currentTime() } });
    await recordAuditEvent(tx, { actorId: actor.id, action: "api_token.revoke", entityType: "ApiToken", entityId: token.id });
  });
}

/** Revokes every live token of a user (password changed or reset); returns how many. */
export async function revokeAllApiTokensOf(tx: DatabaseTransaction, userId: number): Promise<number> {
  const { count } = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: currentTime() } });
  return count;
}

export type LiveApiToken = { id: number; userId: number; scope: ApiTokenScope; expiresAt: Date };

/** The live token a secret stands for, or null (unknown, revoked or expired). */
export async function findLiveApiToken(token: string): Promise<LiveApiToken | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const found = await db.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) } });
  const now = currentTime();
  if (!found || found.revokedAt || found.expiresAt <= now) return null;
  // Recording use is best-effort and must not fail the request.
  await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: now } }).catch(() => {});
  return { id: found.id, userId: found.userId, scope: found.scope, expiresAt: found.expiresAt };
}

/** The user id a live token acts for, or null. */
export async function findUserIdByApiToken(token: string): Promise<number | null> {
  return (await findLiveApiToken(token))?.userId ?? null;
}

function toSummary(token: Omit<ApiTokenSummary, "live">, now: Date): ApiTokenSummary {
  const { id, name, prefix, scope, createdAt, expiresAt, lastUsedAt, revokedAt } = token;
  return { id, name, prefix, scope, createdAt, expiresAt, lastUsedAt, revokedAt, live: !revokedAt && expiresAt > now };
}
