import "server-only";
import { findDefaultAgency } from "@/lib/agency/agencies";
import { reachesEveryAgency, sectionsInScope } from "@/lib/agency/agency-scope";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { beijingDayOf } from "@/lib/dates";
import { db, type Prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { ItemState, PowerStatus, PowerType } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { powerEntryOf } from "@/lib/powers/manage-powers";
import { comparePowerCodes, powerTypes, type PowerEntry } from "@/lib/powers/power-entry";
import { diffPowerLists } from "@/lib/powers/power-list-diff";
import { powerReview } from "@/lib/powers/power-review";
import { findRegisterHistory, type RegisterHistoryEntry } from "@/lib/powers/register-history";
import { canEditRegisterEntry, type RegisterAction } from "@/lib/powers/register-review";
import { availableActions } from "@/lib/workflow/engine";

export type ConsolePowerSummary = {
  id: number;
  code: string;
  name: string;
  type: PowerType;
  status: PowerStatus;
  sectionName: string;
  state: ItemState;
  published: boolean;
  updatedAt: string;
};

export type ConsolePowerDetail = ConsolePowerSummary & {
  version: number;
  working: PowerEntry;
  publishedEntry: PowerEntry | null;
  /** Fields of the working copy that differ from what the public sees. */
  unpublishedChanges: (keyof PowerEntry)[];
  sectionId: number;
  ownerSectionName: string;
  authorName: string;
  publishedAt: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  actions: RegisterAction[];
  canEdit: boolean;
  history: RegisterHistoryEntry[];
};

export type ConsolePowerFilter = { state?: ItemState; type?: PowerType; q?: string; page?: number; pageSize?: number };

export async function listConsolePowers(
  actor: ActingUser,
  filter: ConsolePowerFilter = {},
): Promise<{ items: ConsolePowerSummary[]; total: number; page: number; pageSize: number }> {
  assertPermitted(actor, "registers.read_console");
  const page = Math.max(1, filter.page ?? 1);
  const pageSize = Math.min(200, Math.max(1, filter.pageSize ?? 100));
  const query = filter.q?.trim();
  const where: Prisma.PowerWhereInput = {
    // Only the actor's agency's entries (集约化), or every agency's for a platform role.
    ownerSection: sectionsInScope(actor),
    ...(filter.state ? { state: filter.state } : {}),
    ...(filter.type ? { type: filter.type } : {}),
    ...(query ? { OR: [{ name: { contains: query, mode: "insensitive" } }, { code: { contains: query, mode: "insensitive" } }] } : {}),
  };
  const [total, rows] = await Promise.all([db.power.count({ where }), db.power.findMany({ where, include: { section: true } })]);
  const sorted = rows.sort((a, b) => powerTypes.indexOf(a.type) - powerTypes.indexOf(b.type) || comparePowerCodes(a.code, b.code));
  return {
    total,
    page,
    pageSize,
    items: sorted.slice((page - 1) * pageSize, page * pageSize).map((power) => ({
      id: power.id,
      code: power.code,
      name: power.name,
      type: power.type,
      status: power.status,
      sectionName: power.section.name,
      state: power.state,
      published: power.publishedContent !== null && power.withdrawnAt === null,
      updatedAt: power.updatedAt.toISOString(),
    })),
  };
}

export async function findConsolePower(actor: ActingUser, powerId: number): Promise<ConsolePowerDetail> {
  assertPermitted(actor, "registers.read_console");
  const power = await db.power.findFirst({
    where: { id: powerId, ownerSection: sectionsInScope(actor) },
    include: { section: true, ownerSection: true, author: true },
  });
  if (!power) throw new NotFoundError(messages.registers.powers.errors.notFound);
  const working = powerEntryOf(power);
  const publishedEntry = (power.publishedContent as PowerEntry | null) ?? null;
  const unpublishedChanges = publishedEntry ? (diffPowerLists([publishedEntry], [working]).changed[0]?.fields ?? []) : [];
  const subject = { state: power.state, sectionId: power.ownerSectionId, authorId: power.authorId, lastEditorId: power.lastEditorId };
  return {
    id: power.id,
    code: power.code,
    name: power.name,
    type: power.type,
    status: power.status,
    sectionName: power.section.name,
    state: power.state,
    published: publishedEntry !== null && power.withdrawnAt === null,
    updatedAt: power.updatedAt.toISOString(),
    version: power.version,
    working,
    publishedEntry,
    unpublishedChanges,
    sectionId: power.sectionId,
    ownerSectionName: power.ownerSection.name,
    authorName: power.author.displayName,
    publishedAt: power.publishedAt ? beijingDayOf(power.publishedAt) : null,
    withdrawnAt: power.withdrawnAt ? beijingDayOf(power.withdrawnAt) : null,
    withdrawalReason: power.withdrawalReason,
    actions: availableActions(powerReview, actor, power),
    canEdit: canEditRegisterEntry(actor, subject),
    history: await findRegisterHistory("Power", power.id),
  };
}

/** The working copy as form values. */
export function powerFormValues(detail: ConsolePowerDetail) {
  return { ...detail.working, sectionId: detail.sectionId, version: detail.version, effectiveOn: detail.working.effectiveOn };
}

export type PowerListVersionSummary = {
  year: number;
  entryCount: number;
  retainedLicenses: number;
  publishedAt: string;
  publishedBy: string;
  note: string | null;
};

export async function listPowerListVersions(actor: ActingUser): Promise<PowerListVersionSummary[]> {
  assertPermitted(actor, "registers.read_console");
  // The acting user's agency's versions (集约化); a platform role reads the default agency's.
  const agencyId = reachesEveryAgency(actor) ? (await findDefaultAgency()).id : actor.agencyId;
  const versions = await db.powerListVersion.findMany({ where: { agencyId }, orderBy: { year: "desc" }, include: { publishedBy: true } });
  return versions.map((version) => ({
    year: version.year,
    entryCount: version.entryCount,
    retainedLicenses: (version.entries as PowerEntry[]).filter((entry) => entry.type === "license" && entry.status === "retained").length,
    publishedAt: version.publishedAt.toISOString(),
    publishedBy: version.publishedBy.displayName,
    note: version.note,
  }));
}

/** Sections for the form's select: those of the actor's agency (集约化). */
export async function listSectionOptions(actor: ActingUser): Promise<{ value: number; label: string }[]> {
  const sections = await db.section.findMany({ where: sectionsInScope(actor), orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
  return sections.map((section) => ({ value: section.id, label: section.name }));
}
