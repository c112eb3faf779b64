import "server-only";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { currentTime } from "@/lib/clock";
import { htmlToPlainText, sanitizeItemBody } from "@/lib/content/sanitize-html";
import { dateColumnToIsoDate, isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import { db, type DatabaseTransaction } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import type { ItemValidity } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { allocateIndexNumber, indexNumberYear } from "@/lib/items/index-number";
import { createItemSchema, updateItemSchema, type ItemContentInput } from "@/lib/items/item-schemas";
import type { ReceivedUpload } from "@/lib/items/received-uploads";
import { assertSectionInAgencyScope } from "@/lib/powers/agency-guard";
import { parseInput } from "@/lib/validation";
import { canEditReviewedContent } from "@/lib/workflow/workflow";

/** The content of a revision as the data layer writes it. */
type RevisionContent = {
  title: string;
  body: string;
  categoryId: number;
  issuingSectionId: number | null;
  externalIssuingBody: string | null;
  documentNumber: string | null;
  writtenAt: string | null;
  formedAt: string;
  validity: ItemValidity;
  validityDate: string | null;
  replacedByItemId: number | null;
  interpretedItemId: number | null;
  channels: string[];
  keywords: string[];
  attachmentFileIds: number[];
};

export type ItemWriteResult = { id: number; indexNumber: string; state: string; version: number; revisionNumber: number };

/**
 * What an item's content points at must exist within its agency (集约化): a section, item or
 * uploaded file of another agency counts as missing.
 */
async function assertReferencesExist(tx: DatabaseTransaction, content: RevisionContent, agencyId: number, itemId?: number): Promise<void> {
  const problems: Record<string, string[]> = {};
  const ownItem = (id: number) => tx.item.findFirst({ where: { id, section: { agencyId } }, select: { id: true } });
  // A category of the platform template or of the agency's own columns (another agency's is missing).
  if (!(await tx.category.findFirst({ where: { id: content.categoryId, OR: [{ agencyId: null }, { agencyId }] } })))
    problems.categoryId = [messages.items.rules.categoryMissing];
  if (content.issuingSectionId && !(await tx.section.findFirst({ where: { id: content.issuingSectionId, agencyId } }))) {
    problems.issuingSectionId = [messages.items.rules.issuingBodyMissing];
  }
  if (content.replacedByItemId) {
    if (content.replacedByItemId === itemId) problems.replacedByItemId = [messages.items.rules.replacedBySelf];
    else if (!(await ownItem(content.replacedByItemId))) problems.replacedByItemId = [messages.items.rules.replacementMissing];
  }
  if (content.interpretedItemId) {
    if (content.interpretedItemId === itemId) problems.interpretedItemId = [messages.items.rules.interpretedSelf];
    else if (!(await ownItem(content.interpretedItemId))) problems.interpretedItemId = [messages.items.rules.interpretedMissing];
  }
  if (content.attachmentFileIds.length) {
    const found = await tx.storedFile.count({ where: { id: { in: content.attachmentFileIds }, uploadedBy: { section: { agencyId } } } });
    if (found !== content.attachmentFileIds.length) problems.attachmentFileIds = [messages.common.notFound.attachment];
  }
  if ((content.validity === "repealed" || content.validity === "expired" || content.validity === "amended") && !content.validityDate) {
    problems.validityDate = [messages.items.rules.validityDateRequired];
  }
  if (content.writtenAt && content.writtenAt > todayInBeijing()) problems.writtenAt = [messages.items.rules.writtenInFuture];
  if (content.formedAt > todayInBeijing()) problems.formedAt = [messages.items.rules.formedInFuture];
  if (Object.keys(problems).length) throw new ValidationError(problems);
}

function cleanBody(body: string): { body: string; bodyText: string } {
  const clean = sanitizeItemBody(body);
  const bodyText = htmlToPlainText(clean).trim();
  if (!bodyText) throw new ValidationError({ body: [messages.items.validation.bodyRequired] });
  return { body: clean, bodyText };
}

async function writeRevision(tx: DatabaseTransaction, itemId: number, number: number, content: RevisionContent, actorId: number) {
  const { body, bodyText } = cleanBody(content.body);
  return tx.itemRevision.create({
    data: {
      itemId,
      number,
      title: content.title,
      body,
      bodyText,
      categoryId: content.categoryId,
      issuingSectionId: content.issuingSectionId,
      externalIssuingBody: content.externalIssuingBody,
      documentNumber: content.documentNumber,
      writtenAt: isoDateToDateColumn(content.writtenAt),
      formedAt: isoDateToDateColumn(content.formedAt),
      validity: content.validity,
      validityDate: isoDateToDateColumn(content.validityDate),
      replacedByItemId: content.replacedByItemId,
      interpretedItemId: content.interpretedItemId,
      channels: content.channels,
      keywords: content.keywords,
      createdById: actorId,
      attachments: { create: content.attachmentFileIds.map((fileId, sortOrder) => ({ fileId, sortOrder })) },
    },
  });
}

function contentFromInput(input: ItemContentInput): RevisionContent {
  return {
    title: input.title,
    body: input.body,
    categoryId: input.categoryId,
    issuingSectionId: input.issuingSectionId ?? null,
    externalIssuingBody: input.externalIssuingBody ?? null,
    documentNumber: input.documentNumber ?? null,
    writtenAt: input.writtenAt ?? null,
    formedAt: input.formedAt ?? todayInBeijing(),
    validity: input.validity ?? "in_force",
    validityDate: input.validityDate ?? null,
    replacedByItemId: input.replacedByItemId ?? null,
    interpretedItemId: input.interpretedItemId ?? null,
    channels: input.channels ?? ["website"],
    keywords: input.keywords ?? [],
    attachmentFileIds: input.attachmentFileIds ?? [],
  };
}

/** Records newly uploaded files and appends them to the revision's attachments. */
async function recordUploads(tx: DatabaseTransaction, actorId: number, content: RevisionContent, uploads: ReceivedUpload[]): Promise<void> {
  for (const upload of uploads) {
    const file = await tx.storedFile.create({
      data: {
        storagePath: upload.storagePath,
        originalName: upload.originalName,
        mimeType: upload.mimeType,
        kind: upload.kind,
        sizeBytes: upload.sizeBytes,
        sha256: upload.sha256,
        extractedText: upload.extractedText,
        uploadedById: actorId,
      },
    });
    content.attachmentFileIds.push(file.id);
  }
}

/** Creates a draft item with its first revision and a new 索引号. */
export async function createItem(actor: ActingUser, input: unknown, uploads: ReceivedUpload[] = []): Promise<ItemWriteResult> {
  assertPermitted(actor, "item.create");
  const content = contentFromInput(parseInput(createItemSchema, input));
  return db.$transaction(async (tx) => {
    await assertReferencesExist(tx, content, actor.agencyId);
    await recordUploads(tx, actor.id, content, uploads);
    // The item is kept by the author's section and numbered by its agency.
    const agency = await tx.agency.findUniqueOrThrow({ where: { id: actor.agencyId } });
    const year = indexNumberYear(agency.indexNumberYearBasis, { writtenAt: content.writtenAt, formedAt: content.formedAt, publishedAt: currentTime() });
    const indexNumber = await allocateIndexNumber(tx, agency.code, year);
    const item = await tx.item.create({ data: { indexNumber, sectionId: actor.sectionId, authorId: actor.id, lastActorId: actor.id } });
    const revision = await writeRevision(tx, item.id, 1, content, actor.id);
    await tx.item.update({ where: { id: item.id }, data: { latestRevisionId: revision.id } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "item.create",
      entityType: "Item",
      entityId: item.id,
      toState: "draft",
      details: { indexNumber, title: content.title, revision: 1, attachments: content.attachmentFileIds },
    });
    return { id: item.id, indexNumber, state: item.state, version: item.version, revisionNumber: 1 };
  });
}

/**
 * Loads an item for a write and checks the optimistic version the writer last saw. Another agency's
 * item is not found (its existence and last editor are not disclosed), whatever the version.
 */
export async function lockItemForWrite(tx: DatabaseTransaction, itemId: number, expectedVersion: number | null | undefined, actor: ActingUser | "system") {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Item" WHERE id = ${itemId} FOR UPDATE`;
  if (!rows.length) throw new NotFoundError(messages.common.notFound.item);
  const item = await tx.item.findUniqueOrThrow({
    where: { id: itemId },
    include: { latestRevision: { include: { attachments: { orderBy: { sortOrder: "asc" } } } }, lastActor: true },
  });
  if (actor !== "system") await assertSectionInAgencyScope(tx, actor, item.sectionId, messages.common.notFound.item);
  if (expectedVersion != null && expectedVersion !== item.version) throw staleVersionError(item.lastActor?.displayName, item.updatedAt);
  return item;
}

export function staleVersionError(actorName: string | undefined, at: Date): ConflictError {
  const when = formatDateTime(at);
  return new ConflictError(messages.items.rules.stale(actorName ?? null, when), "stale_version");
}

function revisionContent(revision: NonNullable<Awaited<ReturnType<typeof lockItemForWrite>>["latestRevision"]>): RevisionContent {
  return {
    title: revision.title,
    body: revision.body,
    categoryId: revision.categoryId,
    issuingSectionId: revision.issuingSectionId,
    externalIssuingBody: revision.externalIssuingBody,
    documentNumber: revision.documentNumber,
    writtenAt: dateColumnToIsoDate(revision.writtenAt),
    formedAt: dateColumnToIsoDate(revision.formedAt),
    validity: revision.validity,
    validityDate: dateColumnToIsoDate(revision.validityDate),
    replacedByItemId: revision.replacedByItemId,
    interpretedItemId: revision.interpretedItemId,
    channels: revision.channels,
    keywords: revision.keywords,
    attachmentFileIds: revision.attachments.map((attachment) => attachment.fileId),
  };
}

/**
 * Saves an edit as a new revision. Editing a published item makes a new draft: the public keeps
 * the published revision until the new one is approved.
 */
export async function updateItem(actor: ActingUser, itemId: number, input: unknown, uploads: ReceivedUpload[] = []): Promise<ItemWriteResult> {
  assertPermitted(actor, "item.edit");
  const { version, ...changes } = parseInput(updateItemSchema, input);
  return saveNewRevision(
    actor,
    itemId,
    version,
    (current) => ({
      ...current,
      ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
    }),
    "item.edit",
    {},
    uploads,
  );
}

/** Restoring an old revision makes a new draft with its content, never a publication. */
export async function restoreRevision(actor: ActingUser, itemId: number, revisionNumber: number, version: number): Promise<ItemWriteResult> {
  assertPermitted(actor, "item.edit");
  const old = await db.itemRevision.findUnique({
    where: { itemId_number: { itemId, number: revisionNumber } },
    include: { attachments: { orderBy: { sortOrder: "asc" } } },
  });
  if (!old) throw new NotFoundError(messages.common.notFound.revision);
  return saveNewRevision(actor, itemId, version, () => revisionContent(old), "item.restore_revision", { restoredRevision: revisionNumber });
}

async function saveNewRevision(
  actor: ActingUser,
  itemId: number,
  version: number,
  nextContent: (current: RevisionContent) => RevisionContent,
  auditAction: string,
  auditDetails: Record<string, unknown> = {},
  uploads: ReceivedUpload[] = [],
): Promise<ItemWriteResult> {
  return db.$transaction(async (tx) => {
    const item = await lockItemForWrite(tx, itemId, version, actor);
    if (!canEditReviewedContent(actor, item)) {
      if (item.state !== "draft" && item.state !== "published") {
        throw new ConflictError(messages.items.rules.notEditable, "invalid_state");
      }
      throw new ForbiddenError(messages.items.rules.editOwnSection);
    }
    const current = revisionContent(item.latestRevision!);
    const next = nextContent(current);
    next.attachmentFileIds = [...next.attachmentFileIds];
    await assertReferencesExist(tx, next, actor.agencyId, item.id);
    await recordUploads(tx, actor.id, next, uploads);
    const number = item.latestRevision!.number + 1;
    const revision = await writeRevision(tx, item.id, number, next, actor.id);
    const updated = await tx.item.update({
      where: { id: item.id },
      data: { latestRevisionId: revision.id, state: "draft", version: { increment: 1 }, lastActorId: actor.id },
    });
    const added = next.attachmentFileIds.filter((id) => !current.attachmentFileIds.includes(id));
    const removed = current.attachmentFileIds.filter((id) => !next.attachmentFileIds.includes(id));
    const changedFields = (Object.keys(next) as (keyof RevisionContent)[]).filter((key) => JSON.stringify(next[key]) !== JSON.stringify(current[key]));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: auditAction,
      entityType: "Item",
      entityId: item.id,
      fromState: item.state,
      toState: "draft",
      details: { revision: number, changedFields, attachmentsAdded: added, attachmentsRemoved: removed, ...auditDetails } as never,
    });
    return { id: item.id, indexNumber: item.indexNumber, state: updated.state, version: updated.version, revisionNumber: number };
  });
}
