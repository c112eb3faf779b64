import "server-only";
import { findHandlingSection } from "@/lib/applications/handling-section";
import type { DatabaseTransaction } from "@/lib/db";
import { messages } from "@/lib/i18n";
import { emitNotification } from "@/lib/notifications/emit-notification";
import { usersHolding } from "@/lib/notifications/recipients";

const t = messages.notifications.titles;

/**
 * `application_assigned`: a new application reaches the handling section, whose staff handle it.
 * Named by its number only (依申请公开申请 2026-0012): never the applicant's name, ID, phone or address.
 * Only the handling section of the application's agency is told (集约化): another agency's
 * application, which has none yet, tells nobody of the default agency.
 */
export async function notifyApplicationRegistered(
  tx: DatabaseTransaction,
  application: { id: number; number: string; agencyId: number },
  actorId: number | null,
  /** A transfer tells the receiving agency again (集约化): its own key, so that it is not taken for the first notice. */
  dedupeKey = `application_assigned:${application.id}`,
): Promise<void> {
  const section = await findHandlingSection(tx, application.agencyId);
  if (!section) return;
  const handlers = (await usersHolding(tx, "application.handle", section.id)).filter((id) => id !== actorId);
  await emitNotification(tx, {
    kind: "application_assigned",
    recordType: "application",
    recordId: application.id,
    title: t.applicationAssigned(application.number),
    url: `/admin/applications/${application.id}`,
    sectionId: section.id,
    recipientIds: handlers,
    dedupeKey,
  });
}

/**
 * `message_waiting`: a visitor's new message, to whoever handles messages — those who assign them,
 * and the staff of the section it reached. Named by its number, not its topic (a visitor may write
 * a name or a phone number there).
 */
export async function notifyMessageWaiting(tx: DatabaseTransaction, feedback: { id: number; sectionId: number | null; held: boolean }): Promise<void> {
  const recipients = [
    ...(await usersHolding(tx, feedback.held ? "feedback.moderate" : "feedback.assign")),
    ...(feedback.sectionId && !feedback.held ? await usersHolding(tx, "feedback.reply", feedback.sectionId) : []),
  ];
  await emitNotification(tx, {
    kind: "message_waiting",
    recordType: "feedback",
    recordId: feedback.id,
    title: t.messageWaiting(String(feedback.id)),
    url: `/admin/feedback/${feedback.id}`,
    sectionId: feedback.held ? null : feedback.sectionId,
    recipientIds: recipients,
    dedupeKey: `message_waiting:${feedback.id}`,
  });
}

/**
 * `message_waiting` again when a message is given to a section: its staff, who write the reply, are
 * told (a message given to another section later tells that one). Named by its number only.
 */
export async function notifyMessageAssigned(tx: DatabaseTransaction, feedback: { id: number; sectionId: number }, actorId: number): Promise<void> {
  const writers = (await usersHolding(tx, "feedback.reply", feedback.sectionId)).filter((id) => id !== actorId);
  await emitNotification(tx, {
    kind: "message_waiting",
    recordType: "feedback",
    recordId: feedback.id,
    title: t.messageAssigned(String(feedback.id)),
    url: `/admin/feedback/${feedback.id}`,
    sectionId: feedback.sectionId,
    recipientIds: writers,
    dedupeKey: `message_assigned:${feedback.id}:${feedback.sectionId}`,
  });
}
