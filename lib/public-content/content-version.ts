import "server-only";
import type { DatabaseTransaction } from "@/lib/db";
import { db } from "@/lib/db";

/**
 * Public pages are cached per content version. Every publication, withdrawal or catalogue change
 * bumps the version in the same transaction, so every server process serves the new content on
 * its next request: no in-process invalidation has to reach the other processes.
 */
export async function bumpPublicContentVersion(tx: DatabaseTransaction): Promise<void> {
  await tx.publicContentVersion.upsert({ where: { id: 1 }, create: { id: 1, version: 1 }, update: { version: { increment: 1 } } });
}

export async function readPublicContentVersion(): Promise<string> {
  const row = await db.publicContentVersion.findUnique({ where: { id: 1 } });
  return String(row?.version ?? 0);
}
