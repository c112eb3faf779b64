import "server-only";
import { isInAgencyScope } from "@/lib/agency/agency-scope";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { currentTime } from "@/lib/clock";
import { dateColumnToIsoDate, isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import { db, Prisma, type DatabaseTransaction } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { sortPowerEntries, type PowerEntry } from "@/lib/powers/power-entry";
import { powerContentSchema, publishPowerListVersionSchema, updatePowerSchema, type PowerContentInput } from "@/lib/powers/power-schemas";
import { canEditRegisterEntry } from "@/lib/powers/register-review";
import { bumpPublicContentVersion } from "@/lib/public-content/content-version";
import { parseInput } from "@/lib/validation";

const m = messages.registers;

export type RegisterWriteResult = { id: number; state: ItemState; version: number };

type PowerRow = Prisma.PowerGetPayload<{ include: { section: true } }>;
type LockedPowerRow = Prisma.PowerGetPayload<{ include: { section: true; ownerSection: true } }>;

/** The entry as the public would see it, from the working copy. */
export function powerEntryOf(power: PowerRow): PowerEntry {
  return {
    code: power.code,
    name: power.name,
    type: power.type,
    legalBasis: power.legalBasis,
    sectionName: power.section.name,
    responsibilities: power.responsibilities,
    accountability: power.accountability,
    status: power.status,
    statusNote: power.statusNote,
    effectiveOn: dateColumnToIsoDate(power.effectiveOn),
  };
}

async function assertPowerReferences(tx: DatabaseTransaction, actor: ActingUser, content: PowerContentInput, powerId?: number): Promise<void> {
  const problems: Record<string, string[]> = {};
  // The responsible section must be one of the keeping agency's (集约化): another agency's is "missing".
  const section = await tx.section.findUnique({ where: { id: content.sectionId } });
  if (!section || section.agencyId !== actor.agencyId) problems.sectionId = [m.powers.errors.sectionMissing];
  const clash = await tx.power.findUnique({ where: { code: content.code } });
  if (clash && clash.id !== powerId) problems.code = [m.powers.errors.codeTaken];
  if (Object.keys(problems).length) throw new ValidationError(problems);
}

function contentData(content: PowerContentInput) {
  return {
    code: content.code,
    name: content.name,
    type: content.type,
    legalBasis: content.legalBasis,
    sectionId: content.sectionId,
    responsibilities: content.responsibilities,
    accountability: content.accountability,
    status: content.status,
    effectiveOn: isoDateToDateColumn(content.effectiveOn),
    statusNote: content.statusNote,
  };
}

function rethrowCodeClash(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ValidationError({ code: [m.powers.errors.codeTaken] });
  throw error;
}

/** A new entry of the power list, as a draft of the author's section. */
export async function createPower(actor: ActingUser, input: unknown): Promise<RegisterWriteResult> {
  assertPermitted(actor, "power.edit");
  const content = parseInput(powerContentSchema, input);
  return db
    .$transaction(async (tx) => {
      await assertPowerReferences(tx, actor, content);
      const power = await tx.power.create({
        data: { ...contentData(content), ownerSectionId: actor.sectionId, authorId: actor.id, lastEditorId: actor.id },
      });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "power.create",
        entityType: "Power",
        entityId: power.id,
        toState: "draft",
        details: { code: power.code, name: power.name },
      });
      return { id: power.id, state: power.state, version: power.version };
    })
    .catch(rethrowCodeClash);
}

/** Locks a power for a write: another agency's is 404 to `actor` before its version is compared. */
export async function lockPowerForWrite(
  tx: DatabaseTransaction,
  powerId: number,
  expectedVersion: number | null | undefined,
  actor: ActingUser | "system",
): Promise<LockedPowerRow> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Power" WHERE id = ${powerId} FOR UPDATE`;
  if (!rows.length) throw new NotFoundError(m.powers.errors.notFound);
  const power = await tx.power.findUniqueOrThrow({ where: { id: powerId }, include: { section: true, ownerSection: true } });
  if (actor !== "system" && !isInAgencyScope(actor, power.ownerSection.agencyId)) throw new NotFoundError(m.powers.errors.notFound);
  if (expectedVersion != null && expectedVersion !== power.version) throw new ConflictError(m.review.staleVersion, "stale_version");
  return power;
}

function subjectOf(power: { state: ItemState; ownerSectionId: number; authorId: number; lastEditorId: number }) {
  return { state: power.state, sectionId: power.ownerSectionId, authorId: power.authorId, lastEditorId: power.lastEditorId };
}

/**
 * Saves a change to the working copy. The entry becomes a draft again; the public keeps seeing
 * the published content until the change is approved.
 */
export async function updatePower(actor: ActingUser, powerId: number, input: unknown): Promise<RegisterWriteResult> {
  assertPermitted(actor, "power.edit");
  const { version, ...content } = parseInput(updatePowerSchema, input);
  return db
    .$transaction(async (tx) => {
      const power = await lockPowerForWrite(tx, powerId, version, actor);
      if (!canEditRegisterEntry(actor, subjectOf(power))) {
        if (power.state !== "draft" && power.state !== "published") throw new ConflictError(m.review.notEditable, "invalid_state");
        throw new ForbiddenError(m.review.notEditable);
      }
      await assertPowerReferences(tx, actor, content, power.id);
      const before = powerEntryOf(power);
      const updated = await tx.power.update({
        where: { id: power.id },
        data: { ...contentData(content), state: "draft", version: { increment: 1 }, lastEditorId: actor.id },
        include: { section: true },
      });
      const after = powerEntryOf(updated);
      const changedFields = (Object.keys(after) as (keyof PowerEntry)[]).filter((key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]));
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "power.edit",
        entityType: "Power",
        entityId: power.id,
        fromState: power.state,
        toState: "draft",
        details: { changedFields },
      });
      return { id: updated.id, state: updated.state, version: updated.version };
    })
    .catch(rethrowCodeClash);
}

/** An agency's entries the public sees now (published, not withdrawn), in list order: those its sections keep. */
export async function readPublishedPowerEntries(tx: DatabaseTransaction | typeof db, scope: { agencyId: number }): Promise<(PowerEntry & { id: number })[]> {
  const rows = await tx.power.findMany({
    where: { publishedContent: { not: Prisma.DbNull }, withdrawnAt: null, section: { agencyId: scope.agencyId } },
    select: { id: true, publishedContent: true },
  });
  return sortPowerEntries(rows.map((row) => ({ ...(row.publishedContent as PowerEntry), id: row.id })));
}

export type PublishedPowerListVersion = { year: number; entryCount: number };

/**
 * Publishes the whole current list as the version of a year: a frozen copy of every published
 * entry. A year is published once; later changes go into the next year's version.
 */
export async function publishPowerListVersion(actor: ActingUser, input: unknown, now = currentTime()): Promise<PublishedPowerListVersion> {
  assertPermitted(actor, "power.publish_version");
  const { year, note } = parseInput(publishPowerListVersionSchema, input);
  const latestYear = Number(todayInBeijing(now).slice(0, 4)) + 1;
  if (year < 2000 || year > latestYear) throw new ValidationError({ year: [m.powers.versions.yearInvalid] });
  return db.$transaction(async (tx) => {
    // Serialises concurrent publications of the same year; the unique index is the backstop.
    // Each agency publishes its own list (集约化): the acting user's agency's published entries.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('power-list-version'), ${year * 100000 + actor.agencyId}::int)`;
    if (await tx.powerListVersion.findUnique({ where: { agencyId_year: { agencyId: actor.agencyId, year } } }))
      throw new ConflictError(m.powers.versions.exists(year), "version_exists");
    const entries = (await readPublishedPowerEntries(tx, actor)).map(({ id: _id, ...entry }) => entry);
    if (!entries.length) throw new ValidationError({ year: [m.powers.versions.nothingPublished] });
    const version = await tx.powerListVersion.create({
      data: { agencyId: actor.agencyId, year, entries, entryCount: entries.length, note, publishedAt: now, publishedById: actor.id },
    });
    await bumpPublicContentVersion(tx);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "power_list.publish_version",
      entityType: "PowerListVersion",
      entityId: version.id,
      details: { year, entryCount: entries.length },
    });
    return { year, entryCount: entries.length };
  });
}
