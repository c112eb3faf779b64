import "server-only";
import { settingsSchema } from "@/lib/applications/application-schemas";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted, isPermitted } from "@/lib/auth/permissions";
import { db, type DatabaseTransaction } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { parseInput } from "@/lib/validation";

export type HandlingSection = { id: number; name: string; configured: boolean };

type Reader = Pick<DatabaseTransaction, "applicationSettings" | "section" | "user" | "agency">;

/**
 * The agency whose application settings apply: `agencyId` (the agency of an application, or of the
 * actor), or the default agency without one (the addresses from before the platform serve it).
 */
async function settingsAgencyId(reader: Pick<DatabaseTransaction, "agency">, agencyId: number | undefined): Promise<number | null> {
  if (agencyId !== undefined) return agencyId;
  return (await reader.agency.findFirst({ where: { isDefault: true }, select: { id: true } }))?.id ?? null;
}

/**
 * The section that handles an agency's applications (its 政府信息公开工作机构, Art. 4): the one its
 * administrator chose, or — until then — the agency's first section (by sort order) that has staff
 * or a section head, so a fresh agency works; null when there is none.
 *
 * 集约化: each agency has its own settings (one row per agency) and its handling section is always
 * one of its own sections (a section of another agency is never taken, even if once chosen). Without
 * `agencyId`, the default agency's.
 */
export async function findHandlingSection(reader: Reader = db, agencyId?: number): Promise<HandlingSection | null> {
  const agency = await settingsAgencyId(reader, agencyId);
  if (agency === null) return null;
  const settings = await reader.applicationSettings.findUnique({ where: { agencyId: agency } });
  if (settings?.handlingSectionId) {
    const section = await reader.section.findFirst({ where: { id: settings.handlingSectionId, agencyId: agency } });
    if (section) return { id: section.id, name: section.name, configured: true };
  }
  const candidate = await reader.section.findFirst({
    where: { agencyId: agency, users: { some: { role: { in: ["staff", "section_head"] }, disabledAt: null } } },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
  });
  return candidate ? { id: candidate.id, name: candidate.name, configured: false } : null;
}

/**
 * `findHandlingSection`'s section id for many agencies at once (集约化: the assessment across the
 * agencies), in three queries whatever their number; an agency without one is absent.
 */
export async function findHandlingSectionIdsByAgency(agencyIds: readonly number[]): Promise<Map<number, number>> {
  const ids = [...agencyIds];
  const [settings, candidates] = await Promise.all([
    db.applicationSettings.findMany({
      where: { agencyId: { in: ids }, handlingSectionId: { not: null } },
      select: { agencyId: true, handlingSectionId: true },
    }),
    db.section.findMany({
      where: { agencyId: { in: ids }, users: { some: { role: { in: ["staff", "section_head"] }, disabledAt: null } } },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: { id: true, agencyId: true },
    }),
  ]);
  const chosen = await db.section.findMany({
    where: { id: { in: settings.map((row) => row.handlingSectionId!) } },
    select: { id: true, agencyId: true },
  });
  const handling = new Map<number, number>();
  // The chosen section when it is still one of the agency's own, else the agency's first staffed section.
  for (const row of settings) {
    if (chosen.some((section) => section.id === row.handlingSectionId && section.agencyId === row.agencyId)) handling.set(row.agencyId, row.handlingSectionId!);
  }
  for (const candidate of candidates) if (!handling.has(candidate.agencyId)) handling.set(candidate.agencyId, candidate.id);
  return handling;
}

/** Staff and section heads of the handling section handle applications. */
export function isApplicationHandler(actor: ActingUser, handlingSectionId: number | null | undefined): boolean {
  return isPermitted(actor.role, "application.handle") && handlingSectionId != null && actor.sectionId === handlingSectionId;
}

/** Applicant data is for the people handling applications and for leaders; everyone else sees it masked. */
export function canViewApplicantData(actor: ActingUser, handlingSectionId: number | null | undefined): boolean {
  if (!isPermitted(actor.role, "application.view_personal_data")) return false;
  return actor.role === "leader" || isApplicationHandler(actor, handlingSectionId);
}

export type ApplicationRules = {
  reconsiderationOrgan: string | null;
  litigationCourt: string | null;
  /** Art. 33: 经政府信息公开工作机构负责人同意 — the head of the handling section, unless set to leaders. */
  extensionApproverRole: "section_head" | "leader";
  /** A receipt on a rest day counts from the next working day (顺延): the agency's choice, stated in its guide. */
  deferRestDayReceipt: boolean;
};

export const defaultApplicationRules: ApplicationRules = {
  reconsiderationOrgan: null,
  litigationCourt: null,
  extensionApproverRole: "section_head",
  deferRestDayReceipt: true,
};

/** An agency's application settings (defaults until its administrator saves them); without `agencyId`, the default agency's. */
export async function findApplicationRules(
  reader: Pick<DatabaseTransaction, "applicationSettings" | "agency"> = db,
  agencyId?: number,
): Promise<ApplicationRules> {
  const agency = await settingsAgencyId(reader, agencyId);
  const settings = agency === null ? null : await reader.applicationSettings.findUnique({ where: { agencyId: agency } });
  if (!settings) return defaultApplicationRules;
  return {
    reconsiderationOrgan: settings.reconsiderationOrgan,
    litigationCourt: settings.litigationCourt,
    extensionApproverRole: settings.extensionApproverRole === "leader" ? "leader" : "section_head",
    deferRestDayReceipt: settings.deferRestDayReceipt,
  };
}

/**
 * Art. 33: an extension needs the consent of the head of the disclosure office (政府信息公开工作机构
 * 负责人). By default that is the section head of the handling section; an agency may give it to
 * its leaders instead. Exactly the configured role approves.
 */
export function mayApproveExtension(actor: ActingUser, rules: ApplicationRules, handlingSectionId: number | null | undefined): boolean {
  if (!isPermitted(actor.role, "application.approve_extension")) return false;
  // No handling section (an agency without staff yet): nobody handles it, nobody extends it.
  if (handlingSectionId == null) return false;
  if (rules.extensionApproverRole === "leader") return actor.role === "leader";
  return actor.role === "section_head" && handlingSectionId != null && actor.sectionId === handlingSectionId;
}

/**
 * Saves the acting user's agency's application settings (集约化: each agency its own; a platform role
 * edits its own agency's too). The handling section must be one of that agency's sections.
 */
export async function updateHandlingSection(actor: ActingUser, input: unknown): Promise<HandlingSection> {
  assertPermitted(actor, "application.configure");
  const agencyId = actor.agencyId;
  const { handlingSectionId, ...rules } = parseInput(settingsSchema, input);
  const changes = {
    handlingSectionId,
    ...(rules.reconsiderationOrgan !== undefined ? { reconsiderationOrgan: rules.reconsiderationOrgan || null } : {}),
    ...(rules.litigationCourt !== undefined ? { litigationCourt: rules.litigationCourt || null } : {}),
    ...(rules.extensionApproverRole !== undefined ? { extensionApproverRole: rules.extensionApproverRole } : {}),
    ...(rules.deferRestDayReceipt !== undefined ? { deferRestDayReceipt: rules.deferRestDayReceipt } : {}),
  };
  return db.$transaction(async (tx) => {
    // The handling section is one of the agency's own: another agency's is as if it did not exist.
    const section = await tx.section.findFirst({ where: { id: handlingSectionId, agencyId } });
    if (!section) throw new ValidationError({ handlingSectionId: [messages.applications.validation.section] });
    const before = await tx.applicationSettings.findUnique({ where: { agencyId } });
    await tx.applicationSettings.upsert({ where: { agencyId }, create: { agencyId, ...changes }, update: changes });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "application.configure",
      entityType: "ApplicationSettings",
      entityId: agencyId,
      details: {
        ...changes,
        previous: before
          ? {
              handlingSectionId: before.handlingSectionId,
              reconsiderationOrgan: before.reconsiderationOrgan,
              litigationCourt: before.litigationCourt,
              extensionApproverRole: before.extensionApproverRole,
              deferRestDayReceipt: before.deferRestDayReceipt,
            }
          : null,
      },
    });
    return { id: section.id, name: section.name, configured: true };
  });
}
