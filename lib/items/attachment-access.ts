import "server-only";
import type { ActingUser } from "@/lib/auth/acting-user";
import { isPermitted } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";

export type DownloadableAttachment = { storagePath: string; originalName: string; mimeType: string; sizeBytes: number; public: boolean };

/**
 * An attachment the requester may download: anyone, when it belongs to the published revision of
 * an item that is not withdrawn; console users, any attachment. Otherwise "not found".
 */
export async function findDownloadableAttachment(attachmentId: number, viewer: ActingUser | null): Promise<DownloadableAttachment> {
  const attachment = await db.itemAttachment.findUnique({
    where: { id: attachmentId },
    include: { file: true, revision: { include: { publishedOf: true } } },
  });
  if (!attachment) throw new NotFoundError(messages.common.notFound.attachment);
  const publishedItem = attachment.revision.publishedOf;
  const isPublic = Boolean(publishedItem && publishedItem.withdrawnAt === null);
  if (!isPublic && !(viewer && isPermitted(viewer.role, "item.read_console"))) throw new NotFoundError(messages.common.notFound.attachment);
  const { storagePath, originalName, mimeType, sizeBytes } = attachment.file;
  return { storagePath, originalName, mimeType, sizeBytes, public: isPublic };
}
