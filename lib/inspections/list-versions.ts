import "server-only";
import type { DatabaseTransaction } from "@/lib/db";
import type { InspectionList } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { hashInspectorList, hashTargetList, type DrawConflict, type DrawInspector, type DrawTarget } from "@/lib/inspections/draw";

/**
 * Versions of the two 名录库. Every change of a list takes the list's lock, makes the change and
 * then records the next version number with the hash of the whole list as it now is, all in the
 * one transaction: a version number always names exactly one list content.
 */

export type ListVersion = { version: number; hash: string };

/** Serialises the changes of one list (and draws) across server processes, until the transaction ends. */
export async function lockInspectionList(tx: DatabaseTransaction, list: InspectionList): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`gongkai:inspection-list:${list}`}))`;
}

export async function loadDrawTargets(tx: DatabaseTransaction): Promise<DrawTarget[]> {
  const rows = await tx.inspectionTarget.findMany({ orderBy: { id: "asc" } });
  return rows.map((row) => ({ id: row.id, name: row.name, creditCode: row.creditCode, address: row.address, category: row.category, active: row.active }));
}

export async function loadDrawInspectors(tx: DatabaseTransaction): Promise<{ inspectors: DrawInspector[]; conflicts: DrawConflict[] }> {
  const [rows, conflicts] = await Promise.all([
    tx.inspector.findMany({ orderBy: { id: "asc" }, include: { section: true } }),
    tx.inspectorConflict.findMany({ orderBy: [{ inspectorId: "asc" }, { targetId: "asc" }] }),
  ]);
  return {
    inspectors: rows.map((row) => ({ id: row.id, name: row.name, certificateNumber: row.certificateNumber, section: row.section.name, active: row.active })),
    conflicts: conflicts.map((conflict) => ({ inspectorId: conflict.inspectorId, targetId: conflict.targetId })),
  };
}

export async function computeListHash(tx: DatabaseTransaction, list: InspectionList): Promise<string> {
  if (list === "targets") return hashTargetList(await loadDrawTargets(tx));
  const { inspectors, conflicts } = await loadDrawInspectors(tx);
  return hashInspectorList(inspectors, conflicts);
}

export async function latestListVersion(tx: Pick<DatabaseTransaction, "inspectionListChange">, list: InspectionList): Promise<ListVersion | null> {
  const latest = await tx.inspectionListChange.findFirst({ where: { list }, orderBy: { version: "desc" } });
  return latest ? { version: latest.version, hash: latest.contentHash } : null;
}

/** Call after changing a list, inside the transaction that holds its lock. */
export async function recordListChange(
  tx: DatabaseTransaction,
  list: InspectionList,
  change: { actorId: number | null; action: string; summary: string; at?: Date },
): Promise<ListVersion> {
  const hash = await computeListHash(tx, list);
  const version = ((await latestListVersion(tx, list))?.version ?? 0) + 1;
  await tx.inspectionListChange.create({
    data: {
      list,
      version,
      contentHash: hash,
      action: change.action,
      summary: change.summary.slice(0, 500),
      actorId: change.actorId,
      ...(change.at ? { createdAt: change.at } : {}),
    },
  });
  return { version, hash };
}

/**
 * The version of a list as it is now. Something outside the list screens can still change its
 * content (a section renamed, a row edited in the database): then the content no longer matches
 * the last recorded hash, and a new version is recorded for it so that a draw never names a
 * version whose recorded hash is not the content it used.
 */
export async function currentListVersion(tx: DatabaseTransaction, list: InspectionList, actorId: number | null): Promise<ListVersion> {
  const hash = await computeListHash(tx, list);
  const latest = await latestListVersion(tx, list);
  if (latest && latest.hash === hash) return latest;
  return recordListChange(tx, list, {
    actorId,
    action: "reconcile",
    summary: latest ? messages.inspections.rules.listChangedOutside : messages.inspections.rules.listFirstVersion,
  });
}
