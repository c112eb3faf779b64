import "server-only";
import { isInAgencyScope } from "@/lib/agency/agency-scope";
import { storeAttachmentFile, type StoredAttachmentFile } from "@/lib/attachments/store-file";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { currentTime } from "@/lib/clock";
import { db, Prisma, type DatabaseTransaction } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import type { RegisterWriteResult } from "@/lib/powers/manage-powers";
import { canEditRegisterEntry } from "@/lib/powers/register-review";
import type { ServiceGuide } from "@/lib/services/service-guide";
import { serviceContentSchema, updateServiceSchema, type ServiceContentInput } from "@/lib/services/service-schemas";
import { attachmentStore } from "@/lib/storage/attachment-store";
import type { ObjectStore } from "@/lib/storage/object-store";
import { parseInput } from "@/lib/validation";

const m = messages.registers;

/** A file received for a service's form list, already stored. */
export type ReceivedServiceForm = StoredAttachmentFile & { title: string };

const maxFormsPerSave = 20;

/**
 * Stores uploaded forms, runs `write`, and removes the stored files again when `write` fails, so
 * that a failed save leaves no file behind.
 */
export async function withReceivedServiceForms<Result>(
  files: File[],
  write: (forms: ReceivedServiceForm[]) => Promise<Result>,
  store: ObjectStore = attachmentStore(),
): Promise<Result> {
  const chosen = files.filter((file) => file.size > 0 || file.name);
  if (chosen.length > maxFormsPerSave) throw new ValidationError({ files: [messages.common.attachments.tooManyForms(maxFormsPerSave)] });
  const stored: ReceivedServiceForm[] = [];
  try {
    for (const file of chosen) {
      try {
        const saved = await storeAttachmentFile({ store, bytes: new Uint8Array(await file.arrayBuffer()), originalName: file.name });
        stored.push({ ...saved, title: saved.originalName.replace(/\.[^.]+$/, "") || saved.originalName });
      } catch (error) {
        if (error instanceof ValidationError) throw new ValidationError({ files: (error.fields.file ?? []).map((problem) => `${file.name}：${problem}`) });
        throw error;
      }
    }
    return await write(stored);
  } catch (error) {
    await Promise.all(stored.map((form) => store.remove(form.storagePath)));
    throw error;
  }
}

const guideInclude = {
  section: true,
  power: true,
  materials: { orderBy: { sortOrder: "asc" } },
  forms: { where: { detachedAt: null }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] },
} satisfies Prisma.ServiceInclude;

export type ServiceRow = Prisma.ServiceGetPayload<{ include: typeof guideInclude }>;

/** The guide as the public would see it, from the working copy. */
export function serviceGuideOf(service: ServiceRow): ServiceGuide {
  return {
    code: service.code,
    name: service.name,
    power: service.power ? { code: service.power.code, name: service.power.name } : null,
    sectionName: service.section.name,
    legalBasis: service.legalBasis,
    conditions: service.conditions,
    materials: service.materials.map((material) => ({ name: material.name, originals: material.originals, copies: material.copies, note: material.note })),
    steps: service.steps,
    timeLimitDays: service.timeLimitDays,
    fee: service.fee,
    place: service.place,
    officeHours: service.officeHours,
    consultationPhone: service.consultationPhone,
    complaintPhone: service.complaintPhone,
    forms: service.forms.map((form) => ({
      id: form.id,
      title: form.title,
      originalName: form.originalName,
      sizeBytes: form.sizeBytes,
      mimeType: form.mimeType,
    })),
  };
}

async function assertServiceReferences(tx: DatabaseTransaction, actor: ActingUser, content: ServiceContentInput, serviceId?: number): Promise<void> {
  const problems: Record<string, string[]> = {};
  // The handling section and the power must be the keeping agency's (集约化): another agency's are "missing".
  if (!(await tx.section.findFirst({ where: { id: content.sectionId, agencyId: actor.agencyId } }))) problems.sectionId = [m.services.errors.sectionMissing];
  if (content.powerId && !(await tx.power.findFirst({ where: { id: content.powerId, ownerSection: { agencyId: actor.agencyId } } }))) {
    problems.powerId = [m.services.errors.powerMissing];
  }
  const clash = await tx.service.findUnique({ where: { code: content.code } });
  if (clash && clash.id !== serviceId) problems.code = [m.services.errors.codeTaken];
  if (Object.keys(problems).length) throw new ValidationError(problems);
}

function columnsOf(content: ServiceContentInput) {
  return {
    code: content.code,
    name: content.name,
    powerId: content.powerId,
    sectionId: content.sectionId,
    legalBasis: content.legalBasis,
    conditions: content.conditions,
    steps: content.steps,
    timeLimitDays: content.timeLimitDays,
    fee: content.fee,
    place: content.place,
    officeHours: content.officeHours,
    consultationPhone: content.consultationPhone,
    complaintPhone: content.complaintPhone,
  };
}

async function writeMaterialsAndForms(
  tx: DatabaseTransaction,
  serviceId: number,
  content: ServiceContentInput,
  uploads: ReceivedServiceForm[],
  now: Date,
): Promise<{ formsAdded: number[]; formsRemoved: number[] }> {
  await tx.serviceMaterial.deleteMany({ where: { serviceId } });
  if (content.materials.length) {
    await tx.serviceMaterial.createMany({ data: content.materials.map((material, sortOrder) => ({ ...material, serviceId, sortOrder })) });
  }
  const attached = await tx.serviceForm.findMany({ where: { serviceId, detachedAt: null }, orderBy: { sortOrder: "asc" } });
  const unknown = content.keepFormIds.filter((id) => !attached.some((form) => form.id === id));
  if (unknown.length) throw new ValidationError({ keepFormIds: [m.services.errors.formMissing] });
  const removed = attached.filter((form) => !content.keepFormIds.includes(form.id)).map((form) => form.id);
  if (removed.length) await tx.serviceForm.updateMany({ where: { id: { in: removed } }, data: { detachedAt: now } });
  const nextOrder = attached.reduce((max, form) => Math.max(max, form.sortOrder + 1), 0);
  const added: number[] = [];
  for (const [index, upload] of uploads.entries()) {
    const form = await tx.serviceForm.create({
      data: {
        serviceId,
        title: upload.title,
        storagePath: upload.storagePath,
        originalName: upload.originalName,
        mimeType: upload.mimeType,
        sizeBytes: upload.sizeBytes,
        sha256: upload.sha256,
        sortOrder: nextOrder + index,
      },
    });
    added.push(form.id);
  }
  return { formsAdded: added, formsRemoved: removed };
}

function rethrowCodeClash(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ValidationError({ code: [m.services.errors.codeTaken] });
  throw error;
}

/** A new service with its guide, as a draft of the author's section. */
export async function createService(actor: ActingUser, input: unknown, uploads: ReceivedServiceForm[] = [], now = currentTime()): Promise<RegisterWriteResult> {
  assertPermitted(actor, "service.edit");
  const content = parseInput(serviceContentSchema, input);
  return db
    .$transaction(async (tx) => {
      await assertServiceReferences(tx, actor, { ...content, keepFormIds: [] });
      const service = await tx.service.create({ data: { ...columnsOf(content), ownerSectionId: actor.sectionId, authorId: actor.id, lastEditorId: actor.id } });
      const forms = await writeMaterialsAndForms(tx, service.id, { ...content, keepFormIds: [] }, uploads, now);
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "service.create",
        entityType: "Service",
        entityId: service.id,
        toState: "draft",
        details: { code: service.code, name: service.name, formsAdded: forms.formsAdded },
      });
      return { id: service.id, state: service.state, version: service.version };
    })
    .catch(rethrowCodeClash);
}

/** Locks a service guide for a write: another agency's is 404 to `actor` before its version is compared. */
export async function lockServiceForWrite(
  tx: DatabaseTransaction,
  serviceId: number,
  expectedVersion: number | null | undefined,
  actor: ActingUser | "system",
): Promise<ServiceRow & { ownerSection: { agencyId: number } }> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Service" WHERE id = ${serviceId} FOR UPDATE`;
  if (!rows.length) throw new NotFoundError(m.services.errors.notFound);
  const service = await tx.service.findUniqueOrThrow({ where: { id: serviceId }, include: { ...guideInclude, ownerSection: true } });
  if (actor !== "system" && !isInAgencyScope(actor, service.ownerSection.agencyId)) throw new NotFoundError(m.services.errors.notFound);
  if (expectedVersion != null && expectedVersion !== service.version) throw new ConflictError(m.review.staleVersion, "stale_version");
  return service;
}

function subjectOf(service: { state: ItemState; ownerSectionId: number; authorId: number; lastEditorId: number }) {
  return { state: service.state, sectionId: service.ownerSectionId, authorId: service.authorId, lastEditorId: service.lastEditorId };
}

/** Saves a change to the working copy; the public keeps the published guide until the change is approved. */
export async function updateService(
  actor: ActingUser,
  serviceId: number,
  input: unknown,
  uploads: ReceivedServiceForm[] = [],
  now = currentTime(),
): Promise<RegisterWriteResult> {
  assertPermitted(actor, "service.edit");
  const { version, ...content } = parseInput(updateServiceSchema, input);
  return db
    .$transaction(async (tx) => {
      const service = await lockServiceForWrite(tx, serviceId, version, actor);
      if (!canEditRegisterEntry(actor, subjectOf(service))) {
        if (service.state !== "draft" && service.state !== "published") throw new ConflictError(m.review.notEditable, "invalid_state");
        throw new ForbiddenError(m.review.notEditable);
      }
      await assertServiceReferences(tx, actor, content, service.id);
      const updated = await tx.service.update({
        where: { id: service.id },
        data: { ...columnsOf(content), state: "draft", version: { increment: 1 }, lastEditorId: actor.id },
      });
      const forms = await writeMaterialsAndForms(tx, service.id, content, uploads, now);
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "service.edit",
        entityType: "Service",
        entityId: service.id,
        fromState: service.state,
        toState: "draft",
        details: forms,
      });
      return { id: updated.id, state: updated.state, version: updated.version };
    })
    .catch(rethrowCodeClash);
}

export { guideInclude as serviceGuideInclude };
