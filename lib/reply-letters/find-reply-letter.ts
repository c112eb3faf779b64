import "server-only";
import { canViewApplicantData, findHandlingSection } from "@/lib/applications/handling-section";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { dateColumnToIsoDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import type { ReplyLetter } from "@/lib/reply-letters/reply-document";

/** The reply letter as it stands (draft or issued), for those who may read the applicant's data. */
export async function findReplyLetterForStaff(actor: ActingUser, applicationId: number): Promise<ReplyLetter> {
  assertPermitted(actor, "application.read");
  const section = await findHandlingSection();
  if (!canViewApplicantData(actor, section?.id)) throw new ForbiddenError(messages.applications.console.detail.masked);
  const application = await db.application.findUnique({ where: { id: applicationId }, include: { reply: true } });
  if (!application?.reply) throw new NotFoundError(messages.applications.stepErrors.notDecided);
  const agency = await db.agency.findFirstOrThrow({ where: { isDefault: true } });
  return {
    title: application.reply.title,
    number: application.number,
    body: application.reply.body,
    agencyName: agency.name,
    issuedOn: dateColumnToIsoDate(application.reply.issuedOn),
  };
}
