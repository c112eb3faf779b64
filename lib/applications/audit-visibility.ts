import "server-only";
import { canViewApplicantData, findHandlingSection } from "@/lib/applications/handling-section";
import type { ActingUser } from "@/lib/auth/acting-user";
import { db } from "@/lib/db";
import { messages } from "@/lib/i18n";

/** Audit rows about applications and what hangs off them (reply letters, appeals). */
export const applicantAuditEntityTypes: readonly string[] = ["Application", "ApplicationReply", "Reconsideration", "Litigation"];

/**
 * The audit log is read by every section head and exported by leaders and administrators; an
 * application's applicant data only by the handling section and leaders. Writes of this domain
 * record references, not free text (lib/applications/handle-application.ts), but a reviewer's
 * comment on a reply letter, and rows written before that rule, may still name the applicant or a
 * third party: for anyone else their comment is replaced by a notice pointing to the application.
 * The details of these rows hold ids, dates and codes only.
 */
export async function applicantAuditCommentFilter(actor: ActingUser): Promise<<Row extends { entityType: string; comment: string | null }>(row: Row) => Row> {
  const full = canViewApplicantData(actor, (await findHandlingSection(db, actor.agencyId))?.id);
  return (row) =>
    full || !row.comment || !applicantAuditEntityTypes.includes(row.entityType) ? row : { ...row, comment: messages.applications.audit.commentHidden };
}
