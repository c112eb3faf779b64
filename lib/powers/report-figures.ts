import "server-only";
import { db } from "@/lib/db";
import type { PowerType } from "@/lib/generated/prisma/enums";
import { readPublishedPowerEntries } from "@/lib/powers/manage-powers";
import type { PowerEntry } from "@/lib/powers/power-entry";

/**
 * An agency's retained powers (状态“保留”) of a year, optionally of one type — e.g. the 12 retained 行政许可
 * of 2017 the annual report names. Counts the list published for that year; for a year without a
 * published version, the current published entries that took effect by the end of that year.
 */
export async function countRetainedPowers(year: number, scope: { agencyId: number }, type?: PowerType): Promise<number> {
  const version = await db.powerListVersion.findUnique({ where: { agencyId_year: { agencyId: scope.agencyId, year } } });
  const entries: PowerEntry[] = version
    ? (version.entries as PowerEntry[])
    : (await readPublishedPowerEntries(db, scope)).filter((entry) => entry.effectiveOn <= `${year}-12-31`);
  return entries.filter((entry) => entry.status === "retained" && (!type || entry.type === type)).length;
}
