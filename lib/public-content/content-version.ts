import "server-only";
import { randomUUID } from "node:crypto";
import type { DatabaseTransaction } from "@/lib/db";
import { db } from "@/lib/db";

/**
 * Public pages are cached per content version. Every publication, withdrawal or catalogue change
 * replaces the version token in the same transaction, so every server process serves the new
 * content on its next request: no in-process invalidation has to reach the other processes.
 */
export async function bumpPublicContentVersion(tx: DatabaseTransaction): Promise<void> {
  const token = randomUUID();
  await tx.publicContentVersion.upsert({ where: { id: 1 }, create: { id: 1, token }, update: { token } });
}

export async function readPublicContentVersion(): Promise<string> {
  const row = await db.publicContentVersion.findUnique({ where: { id: 1 } });
  return row?.token ?? "none";
}
