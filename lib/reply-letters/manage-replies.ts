import "server-only";
import { replyEditSchema } from "@/lib/applications/application-schemas";
import { findApplicationAgency } from "@/lib/applications/application-scope";
import { lockApplication } from "@/lib/applications/handle-application";
import { findHandlingSection, isApplicationHandler } from "@/lib/applications/handling-section";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { parseInput } from "@/lib/validation";

export async function updateReplyDraft(actor: ActingUser, applicationId: number, input: unknown): Promise<{ version: number }> {
  // Another agency's application is "not found" (集约化); only its own agency's handling section edits its letter.
  const agencyId = await findApplicationAgency(actor, applicationId);
  assertPermitted(actor, "application.handle");
  const section = await findHandlingSection(db, agencyId);
  if (!isApplicationHandler(actor, section?.id)) throw new ForbiddenError(messages.applications.console.detail.cannotHandle);
  const { title, body, version } = parseInput(replyEditSchema, input);
  return db.$transaction(async (tx) => {
    const application = await lockApplication(tx, applicationId, actor);
    const reply = application.reply;
    if (!reply) throw new NotFoundError(messages.applications.stepErrors.notDecided);
    if (reply.state !== "draft") throw new ConflictError(messages.applications.stepErrors.replyUnderReview, "invalid_state");
    if (version !== undefined && version !== reply.version) throw new ConflictError(messages.applications.stepErrors.replyLetterStale, "stale_version");
    const updated = await tx.applicationReply.update({
      where: { id: reply.id },
      data: { title, body: body.replace(/\r\n/g, "\n"), version: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "application.reply.edit",
      entityType: "ApplicationReply",
      entityId: reply.id,
      details: { applicationId },
    });
    return { version: updated.version };
  });
}
