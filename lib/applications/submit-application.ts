import "server-only";
import { randomUUID } from "node:crypto";
import { resolvePublicAgency } from "@/lib/agency/public-agency";
import { wasRestDayReceiptDeferred } from "@/lib/applications/application-clock";
import { allocateApplicationNumber } from "@/lib/applications/application-number";
import { parseApplicationSubmission, parseOfflineApplication, type ApplicationSubmission } from "@/lib/applications/application-schemas";
import { computeApplicationClock, type ReceiptMethod } from "@/lib/applications/deadlines";
import { findApplicationRules, findHandlingSection, isApplicationHandler } from "@/lib/applications/handling-section";
import { createLookupCodeSalt, deriveLookupCode, hashIdempotencyKey, hashLookupCode, sha256Hex } from "@/lib/applications/lookup-code";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { dateColumnToIsoDate, isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import { db, Prisma } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { notifyApplicationRegistered } from "@/lib/notifications/record-notifications";
import { enforceRateLimit } from "@/lib/rate-limit/rate-limit";

export type SubmittedApplication = {
  id: number;
  number: string;
  lookupCode: string;
  receivedOn: string;
  dueOn: string;
  receiptExplanation: string;
  /** The agency the application was made to (集约化). */
  agencyName: string;
};

/** Submissions per client per 10 minutes: generous for an office's visitors, a brake on scripts. */
const submissionLimit = { limit: 20, windowSeconds: 600 };

type StoredFields = Omit<ApplicationSubmission, "idempotencyKey" | "agencyCode">;

function applicantData(input: StoredFields) {
  return {
    applicantType: input.applicantType,
    organisationKind: input.organisationKind ?? null,
    name: input.name,
    idType: input.idType ?? null,
    idNumber: input.idNumber,
    creditCode: input.creditCode,
    legalRepresentative: input.legalRepresentative,
    contactName: input.contactName,
    phone: input.phone,
    email: input.email,
    address: input.address,
    description: input.description,
    deliveryMethod: input.deliveryMethod,
    informationForm: input.informationForm ?? null,
  };
}

/** What identifies "the same submission": every field the applicant filled in. */
function fingerprintOf(fields: Record<string, unknown>): string {
  const sorted = Object.keys(fields)
    .sort()
    .map((key) => [key, fields[key] ?? null]);
  return sha256Hex(JSON.stringify(sorted));
}

async function answerForExisting(idempotencyKey: string, fingerprint: string, agencyId: number): Promise<SubmittedApplication | null> {
  const existing = await db.application.findUnique({ where: { idempotencyKeyHash: hashIdempotencyKey(idempotencyKey) } });
  if (!existing) return null;
  // The same key sent to another agency is another submission: never answer with this one's number and code.
  if (existing.submissionFingerprint !== fingerprint || !existing.lookupCodeSalt || existing.agencyId !== agencyId) {
    throw new ConflictError(messages.applications.validation.duplicateSubmission, "duplicate_submission");
  }
  const calendar = await loadWorkingDayCalendar();
  const clock = computeApplicationClock({
    calendar,
    receiptMethod: existing.receiptMethod ?? "online",
    submittedOn: dateColumnToIsoDate(existing.submittedOn),
    steps: [],
    today: todayInBeijing(),
    deferRestDayReceipt: wasRestDayReceiptDeferred(calendar, existing),
  });
  return {
    id: existing.id,
    number: existing.number,
    lookupCode: deriveLookupCode(existing.lookupCodeSalt, idempotencyKey),
    receivedOn: clock.receivedOn,
    dueOn: clock.dueOn!,
    receiptExplanation: clock.explanation[0],
    agencyName: await agencyNameOf(existing.agencyId),
  };
}

async function agencyNameOf(agencyId: number): Promise<string> {
  return (await db.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { name: true } })).name;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function storeApplication(options: {
  fields: StoredFields;
  idempotencyKey: string;
  source: "online" | "offline";
  receiptMethod: ReceiptMethod;
  submittedOn: string;
  actor: ActingUser | null;
  /** The agency the application is made to (集约化). */
  agencyId: number;
}): Promise<SubmittedApplication> {
  const { fields, idempotencyKey, agencyId } = options;
  const fingerprint = fingerprintOf({ ...applicantData(fields), receiptMethod: options.receiptMethod, submittedOn: options.submittedOn });
  const replay = await answerForExisting(idempotencyKey, fingerprint, agencyId);
  if (replay) return replay;

  const [calendar, rules] = await Promise.all([loadWorkingDayCalendar(), findApplicationRules(db, agencyId)]);
  const clock = computeApplicationClock({
    calendar,
    receiptMethod: options.receiptMethod,
    submittedOn: options.submittedOn,
    steps: [],
    today: todayInBeijing(),
    deferRestDayReceipt: rules.deferRestDayReceipt,
  });
  const salt = createLookupCodeSalt();
  const lookupCode = deriveLookupCode(salt, idempotencyKey);
  try {
    return await db.$transaction(async (tx) => {
      const number = await allocateApplicationNumber(tx, Number(clock.receivedOn.slice(0, 4)));
      const application = await tx.application.create({
        data: {
          agencyId,
          number,
          source: options.source,
          lookupCodeHash: hashLookupCode(lookupCode),
          lookupCodeSalt: salt,
          idempotencyKeyHash: hashIdempotencyKey(idempotencyKey),
          submissionFingerprint: fingerprint,
          receiptMethod: options.receiptMethod,
          submittedOn: isoDateToDateColumn(options.submittedOn),
          receivedOn: isoDateToDateColumn(clock.receivedOn),
          registeredById: options.actor?.id ?? null,
          ...applicantData(fields),
        },
      });
      // No personal data in the audit log: it is readable by more people than the application.
      await recordAuditEvent(tx, {
        actorId: options.actor?.id ?? null,
        action: options.source === "online" ? "application.submit" : "application.register",
        entityType: "Application",
        entityId: application.id,
        toState: application.status,
        details: { number, receiptMethod: options.receiptMethod, submittedOn: options.submittedOn, receivedOn: clock.receivedOn },
      });
      await notifyApplicationRegistered(tx, { id: application.id, number, agencyId }, options.actor?.id ?? null);
      const agency = await tx.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { name: true } });
      return {
        id: application.id,
        number,
        lookupCode,
        receivedOn: clock.receivedOn,
        dueOn: clock.dueOn!,
        receiptExplanation: clock.explanation[0],
        agencyName: agency.name,
      };
    });
  } catch (error) {
    // The same submission arrived twice at once: the other request stored it; answer with that one.
    if (isUniqueViolation(error)) {
      const concurrent = await answerForExisting(idempotencyKey, fingerprint, agencyId);
      if (concurrent) return concurrent;
    }
    throw error;
  }
}

/** The agency named by the submission's `agencyCode` (the default agency without one); an unknown code is a field error. */
async function agencyOfSubmission(agencyCode: string | null | undefined): Promise<number> {
  try {
    return (await resolvePublicAgency(agencyCode)).id;
  } catch (error) {
    if (error instanceof NotFoundError) throw new ValidationError({ agencyCode: [messages.applications.validation.agencyCode] });
    throw error;
  }
}

/**
 * A visitor's application (the public form and `POST /api/v1/applications`). Received online: the
 * day of receipt is today, or the next working day. Sending the same idempotency key again returns
 * the first submission's number and code instead of making a second application. It is made to the
 * agency `agencyCode` names (集约化), the default agency without one.
 */
export async function submitApplication(input: unknown, options: { clientKey: string }): Promise<SubmittedApplication> {
  const { idempotencyKey, agencyCode, ...fields } = parseApplicationSubmission(input);
  const agencyId = await agencyOfSubmission(agencyCode);
  const key = idempotencyKey ?? randomUUID();
  if (!idempotencyKey || !(await db.application.findUnique({ where: { idempotencyKeyHash: hashIdempotencyKey(key) }, select: { id: true } }))) {
    await enforceRateLimit({ key: `application-submit:${options.clientKey}`, ...submissionLimit });
  }
  return storeApplication({ fields, idempotencyKey: key, source: "online", receiptMethod: "online", submittedOn: todayInBeijing(), actor: null, agencyId });
}

/**
 * Staff of the handling section register an application that arrived by letter, post, in person, fax
 * or email. It is made to the actor's agency (集约化), and handled by that agency's handling section.
 */
export async function registerOfflineApplication(actor: ActingUser, input: unknown): Promise<SubmittedApplication> {
  assertPermitted(actor, "application.handle");
  const section = await findHandlingSection(db, actor.agencyId);
  if (!isApplicationHandler(actor, section?.id)) throw new ForbiddenError(messages.applications.console.detail.cannotHandle);
  const { idempotencyKey, receiptMethod, receivedOn, ...fields } = parseOfflineApplication(input);
  if (receivedOn > todayInBeijing()) throw new ValidationError({ receivedOn: [messages.applications.validation.receivedInFuture] });
  return storeApplication({
    fields,
    idempotencyKey: idempotencyKey ?? randomUUID(),
    source: "offline",
    receiptMethod,
    submittedOn: receivedOn,
    actor,
    agencyId: actor.agencyId,
  });
}
