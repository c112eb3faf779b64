import "server-only";
import { applicationNotFound, applicationsInScope } from "@/lib/applications/application-scope";
import { canViewApplicantData, findHandlingSection } from "@/lib/applications/handling-section";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { dateColumnToIsoDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import type { ReplyLetter } from "@/lib/reply-letters/reply-document";

/**
 * The reply letter as it stands (draft or issued), for those who may read the applicant's data, in
 * the name of the agency the application was made to. Another agency's application is "not found" (集约化).
 */
export async function findReplyLetterForStaff(actor: ActingUser, applicationId: number): Promise<ReplyLetter> {
  assertPermitted(actor, "application.read");
  const application = Number.isSafeInteger(applicationId)
    ? await db.application.findFirst({ where: { id: applicationId, ...applicationsInScope(actor) }, include: { reply: true, agency: true } })
    : null;
  if (!application) throw applicationNotFound();
  const section = await findHandlingSection(db, application.agencyId);
  if (!canViewApplicantData(actor, section?.id)) throw new ForbiddenError(messages.applications.console.detail.masked);
  if (!application.reply) throw new NotFoundError(messages.applications.stepErrors.notDecided);
  const agency = application.agency;
  return {
    title: application.reply.title,
    number: application.number,
    body: application.reply.body,
    agencyName: agency.name,
    issuedOn: dateColumnToIsoDate(application.reply.issuedOn),
  };
}
