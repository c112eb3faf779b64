import "server-only";
import { sectionsInScope } from "@/lib/agency/agency-scope";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { beijingDayOf } from "@/lib/dates";
import { db, type Prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { comparePowerCodes } from "@/lib/powers/power-entry";
import { findRegisterHistory, type RegisterHistoryEntry } from "@/lib/powers/register-history";
import { canEditRegisterEntry, type RegisterAction } from "@/lib/powers/register-review";
import { serviceGuideInclude, serviceGuideOf } from "@/lib/services/manage-services";
import type { ServiceGuide } from "@/lib/services/service-guide";
import { serviceReview } from "@/lib/services/service-review";
import { availableActions } from "@/lib/workflow/engine";

export type ConsoleServiceSummary = { id: number; code: string; name: string; sectionName: string; state: ItemState; published: boolean; updatedAt: string };

export type ConsoleServiceDetail = ConsoleServiceSummary & {
  version: number;
  working: ServiceGuide;
  publishedGuide: ServiceGuide | null;
  hasUnpublishedChanges: boolean;
  sectionId: number;
  powerId: number | null;
  ownerSectionName: string;
  authorName: string;
  publishedAt: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  actions: RegisterAction[];
  canEdit: boolean;
  history: RegisterHistoryEntry[];
};

export async function listConsoleServices(actor: ActingUser, filter: { state?: ItemState; q?: string } = {}): Promise<ConsoleServiceSummary[]> {
  assertPermitted(actor, "registers.read_console");
  const query = filter.q?.trim();
  const where: Prisma.ServiceWhereInput = {
    // Only the actor's agency's guides (集约化), or every agency's for a platform role.
    ownerSection: sectionsInScope(actor),
    ...(filter.state ? { state: filter.state } : {}),
    ...(query ? { OR: [{ name: { contains: query, mode: "insensitive" } }, { code: { contains: query, mode: "insensitive" } }] } : {}),
  };
  const rows = await db.service.findMany({ where, include: { section: true }, take: 1000 });
  return rows
    .sort((a, b) => comparePowerCodes(a.code, b.code))
    .map((service) => ({
      id: service.id,
      code: service.code,
      name: service.name,
      sectionName: service.section.name,
      state: service.state,
      published: service.publishedContent !== null && service.withdrawnAt === null,
      updatedAt: service.updatedAt.toISOString(),
    }));
}

export async function findConsoleService(actor: ActingUser, serviceId: number): Promise<ConsoleServiceDetail> {
  assertPermitted(actor, "registers.read_console");
  const service = await db.service.findFirst({
    where: { id: serviceId, ownerSection: sectionsInScope(actor) },
    include: { ...serviceGuideInclude, ownerSection: true, author: true },
  });
  if (!service) throw new NotFoundError(messages.registers.services.errors.notFound);
  const working = serviceGuideOf(service);
  const publishedGuide = (service.publishedContent as ServiceGuide | null) ?? null;
  const subject = { state: service.state, sectionId: service.ownerSectionId, authorId: service.authorId, lastEditorId: service.lastEditorId };
  return {
    id: service.id,
    code: service.code,
    name: service.name,
    sectionName: service.section.name,
    state: service.state,
    published: publishedGuide !== null && service.withdrawnAt === null,
    updatedAt: service.updatedAt.toISOString(),
    version: service.version,
    working,
    publishedGuide,
    hasUnpublishedChanges: publishedGuide !== null && JSON.stringify(publishedGuide) !== JSON.stringify(working),
    sectionId: service.sectionId,
    powerId: service.powerId,
    ownerSectionName: service.ownerSection.name,
    authorName: service.author.displayName,
    publishedAt: service.publishedAt ? beijingDayOf(service.publishedAt) : null,
    withdrawnAt: service.withdrawnAt ? beijingDayOf(service.withdrawnAt) : null,
    withdrawalReason: service.withdrawalReason,
    actions: availableActions(serviceReview, actor, service),
    canEdit: canEditRegisterEntry(actor, subject),
    history: await findRegisterHistory("Service", service.id),
  };
}

/** Powers a service may belong to, for the form's select: those of the actor's agency (集约化). */
export async function listPowerOptions(actor: ActingUser): Promise<{ value: number; label: string }[]> {
  const powers = await db.power.findMany({ where: { ownerSection: sectionsInScope(actor) }, select: { id: true, code: true, name: true } });
  return powers.sort((a, b) => comparePowerCodes(a.code, b.code)).map((power) => ({ value: power.id, label: `${power.code} ${power.name}` }));
}
