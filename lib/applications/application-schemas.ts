import { z } from "zod";
import {
  applicantTypes,
  applicationTextLimits,
  deliveryMethods,
  idTypes,
  informationForms,
  organisationKinds,
  noticeDeliveryMethods,
  receiptMethods,
} from "@/lib/applications/application-fields";
import { applicationOutcomeSlugs } from "@/lib/applications/outcomes";
import { isIsoDate } from "@/lib/deadlines/iso-date";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { isValidCreditCode, isValidMainlandIdNumber } from "@/lib/identifiers";
import { fieldErrorsOf } from "@/lib/validation";

export * from "@/lib/applications/application-fields";

const v = messages.applications.validation;

/** Forms send "" for an empty field and JSON may send null: both mean "not given". */
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const optionalText = (max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(max, { error: v.tooLong(max) })
      .optional()
      .transform((value) => value || null),
  );

const requiredText = (max: number, message: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: message })
      .trim()
      .min(1, { error: message })
      .max(max, { error: v.tooLong(max) }),
  );

const optionalEnum = <Values extends readonly [string, ...string[]]>(values: Values, message: string) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: message }).optional());

export const isoDateField = (message: string = v.date) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: message })
      .trim()
      .refine((value) => isIsoDate(value), { error: message }),
  );

const optionalIsoDateField = (message: string = v.date) => z.preprocess(blankToUndefined, isoDateField(message).optional());

/** "1101 0519 4912 3100 2x" → "11010519491231002X": what a person types, made canonical. */
export function normaliseIdentifier(value: string): string {
  return value.replace(/[\s-]/g, "").toUpperCase();
}

const applicantFields = {
  applicantType: z.enum(applicantTypes, { error: v.applicantType }),
  organisationKind: optionalEnum(organisationKinds, v.organisationKind),
  name: requiredText(applicationTextLimits.name, v.name),
  idType: optionalEnum(idTypes, v.idType),
  idNumber: optionalText(applicationTextLimits.idNumber).transform((value) => (value ? normaliseIdentifier(value) : null)),
  creditCode: optionalText(30).transform((value) => (value ? normaliseIdentifier(value) : null)),
  legalRepresentative: optionalText(applicationTextLimits.legalRepresentative),
  contactName: optionalText(applicationTextLimits.contactName),
  phone: requiredText(applicationTextLimits.phone, v.phone).refine((value) => /^\+?[\d\s-]{6,20}$/.test(value), { error: v.phoneInvalid }),
  email: optionalText(applicationTextLimits.email).refine((value) => value === null || z.email().safeParse(value).success, { error: v.email }),
  address: optionalText(applicationTextLimits.address),
  description: requiredText(applicationTextLimits.description, v.description),
  deliveryMethod: z.enum(deliveryMethods, { error: v.deliveryMethod }),
  informationForm: optionalEnum(informationForms, v.deliveryMethod),
  idempotencyKey: z.preprocess(
    blankToUndefined,
    z.string({ error: v.idempotencyKey }).trim().min(8, { error: v.idempotencyKey }).max(200, { error: v.idempotencyKey }).optional(),
  ),
};

type ApplicantShape = z.infer<z.ZodObject<typeof applicantFields>>;
type LooseApplicant = { [Key in keyof ApplicantShape]?: ApplicantShape[Key] | null };

/** The rules that depend on more than one field: who the applicant is decides what is required. */
function findApplicantProblems(value: LooseApplicant): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  if (value.applicantType === "natural_person") {
    if (!value.idType) problem("idType", v.idType);
    if (!value.idNumber) problem("idNumber", v.idNumber);
    else if (value.idType === "resident_id" && !isValidMainlandIdNumber(value.idNumber)) problem("idNumber", v.idNumberInvalid);
  } else if (value.applicantType === "organisation") {
    if (!value.organisationKind) problem("organisationKind", v.organisationKind);
    if (!value.creditCode) problem("creditCode", v.creditCode);
    else if (!isValidCreditCode(value.creditCode)) problem("creditCode", v.creditCodeInvalid);
    if (!value.legalRepresentative) problem("legalRepresentative", v.legalRepresentative);
  }
  if (value.deliveryMethod === "email" && !value.email) problem("email", v.emailRequired);
  if ((value.deliveryMethod === "paper" || value.deliveryMethod === "disc") && !value.address) problem("address", v.address);
  return problems;
}

function checkApplicant(value: ApplicantShape, context: z.RefinementCtx): void {
  for (const { path, message } of findApplicantProblems(value)) context.addIssue({ code: "custom", path: [path], message });
}

/**
 * Every field read on its own, an invalid one as missing: zod skips an object's refinements once a
 * field failed, but a form should show all its problems at once.
 */
const looseApplicantSchema = z.object(
  Object.fromEntries(Object.entries(applicantFields).map(([key, schema]) => [key, (schema as z.ZodType).optional().catch(undefined)])),
);

/** Parses with `schema`; when it fails, adds the cross-field problems of what could be read. */
function parseApplicant<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldErrorsOf(result.error);
  const loose = looseApplicantSchema.safeParse(input);
  if (loose.success) {
    for (const { path, message } of findApplicantProblems(loose.data as LooseApplicant)) fields[path] ??= [message];
  }
  throw new ValidationError(fields);
}

/** Keeps only the fields of the applicant's type, so a switched radio button leaves nothing behind. */
function keepRelevantFields<Value extends ApplicantShape>(value: Value): Value {
  if (value.applicantType === "natural_person") return { ...value, organisationKind: undefined, creditCode: null, legalRepresentative: null };
  return { ...value, idType: undefined, idNumber: null };
}

/** A public application (the form and `POST /api/v1/applications`), to the agency `agencyCode` names (the default agency without one). */
export const applicationSubmissionSchema = z
  .object({
    ...applicantFields,
    agencyCode: z.preprocess(blankToUndefined, z.string({ error: v.agencyCode }).trim().max(40, { error: v.agencyCode }).optional()),
  })
  .superRefine(checkApplicant)
  .transform(keepRelevantFields);
export type ApplicationSubmission = z.infer<typeof applicationSubmissionSchema>;
export const parseApplicationSubmission = (input: unknown): ApplicationSubmission => parseApplicant(applicationSubmissionSchema, input);

/** An application received offline and registered by staff: the same fields, how and when it arrived. */
export const offlineApplicationSchema = z
  .object({
    ...applicantFields,
    receiptMethod: z.enum(receiptMethods, { error: v.receiptMethod }),
    receivedOn: isoDateField(v.receivedOn),
  })
  .superRefine(checkApplicant)
  .transform(keepRelevantFields);
export type OfflineApplicationInput = z.infer<typeof offlineApplicationSchema>;
export const parseOfflineApplication = (input: unknown): OfflineApplicationInput => parseApplicant(offlineApplicationSchema, input);

export const stepTypesRecordedByStaff = [
  "correction_request",
  "correction_received",
  "third_party_consultation",
  "third_party_reply",
  "agency_consultation",
  "agency_reply",
  "extension",
  "fee_notice",
  "notice_received",
  "fee_paid",
  "delivery",
] as const;
export type StaffStepType = (typeof stepTypesRecordedByStaff)[number];

const note = optionalText(applicationTextLimits.note);
const positiveInteger = (message: string) =>
  z.preprocess(blankToUndefined, z.coerce.number({ error: message }).int({ error: message }).positive({ error: message }));

const optionalStepId = z.preprocess(
  blankToUndefined,
  z.coerce.number({ error: v.noticeStep }).int({ error: v.noticeStep }).positive({ error: v.noticeStep }).optional(),
);

/**
 * A letter's delivery (送达方式) and the day it was received. Both optional, so existing clients keep
 * working: without a day the presumption for the method applies (deadlines.ts: presumeNoticeReceipt),
 * and without either the receipt is unknown until entered.
 */
const noticeFields = {
  noticeDeliveryMethod: optionalEnum(noticeDeliveryMethods, v.noticeDeliveryMethod),
  receivedOn: optionalIsoDateField(),
};

/** `POST /api/v1/admin/applications/{id}/steps`: `{type, date, …}` with the fields of each type. */
export const stepSchema = z.discriminatedUnion(
  "type",
  [
    z.object({
      type: z.literal("correction_request"),
      date: isoDateField(),
      respondBy: optionalIsoDateField(),
      note: requiredText(applicationTextLimits.note, v.correctionNote),
    }),
    z.object({ type: z.literal("correction_received"), date: isoDateField(), note }),
    z.object({
      type: z.literal("third_party_consultation"),
      date: isoDateField(),
      thirdParty: requiredText(applicationTextLimits.thirdParty, v.thirdParty),
      ...noticeFields,
      note,
    }),
    z.object({ type: z.literal("third_party_reply"), date: isoDateField(), consultationStepId: optionalStepId, note }),
    z.object({
      type: z.literal("agency_consultation"),
      date: isoDateField(),
      agency: requiredText(applicationTextLimits.thirdParty, v.agency),
      ...noticeFields,
      note,
    }),
    z.object({ type: z.literal("agency_reply"), date: isoDateField(), consultationStepId: optionalStepId, note }),
    z.object({
      type: z.literal("notice_received"),
      date: isoDateField(v.noticeReceivedOn),
      noticeStepId: z.preprocess(blankToUndefined, z.coerce.number({ error: v.noticeStep }).int({ error: v.noticeStep }).positive({ error: v.noticeStep })),
      note,
    }),
    z.object({
      type: z.literal("extension"),
      date: isoDateField(),
      basis: z.preprocess((value) => blankToUndefined(value) ?? "art33", z.enum(["art33", "art35"], { error: v.extensionBasis })),
      days: positiveInteger(messages.applications.stepErrors.extensionDays),
      applicantNotifiedOn: optionalIsoDateField(),
      note: requiredText(applicationTextLimits.note, v.extensionReason),
    }),
    z.object({
      type: z.literal("fee_notice"),
      date: isoDateField(),
      method: z.enum(["by_count", "by_volume"], { error: v.feeMethod }),
      quantity: positiveInteger(v.quantity),
      ...noticeFields,
      note,
    }),
    z.object({ type: z.literal("fee_paid"), date: isoDateField(), note }),
    z.object({ type: z.literal("delivery"), date: isoDateField(), deliveryMethod: optionalEnum(deliveryMethods, v.deliveryMethod), note }),
  ],
  { error: v.stepType },
);
export type StepInput = z.infer<typeof stepSchema>;

export const decisionSchema = z
  .object({
    outcome: z.enum(applicationOutcomeSlugs, { error: v.outcome }),
    decidedOn: isoDateField(),
    note,
    /** Art. 36(1): information already public: where the applicant finds it (获取的方式和途径). */
    accessRoute: optionalText(applicationTextLimits.note),
    /** Art. 36(5): the agency responsible for the information and its contact, where known. */
    otherAgency: optionalText(applicationTextLimits.thirdParty),
    otherAgencyContact: optionalText(applicationTextLimits.thirdParty),
    /** Art. 36(5), an agency of the platform (集约化): its code; its name and contact come from its record. */
    otherAgencyCode: optionalText(40),
  })
  .superRefine((value, context) => {
    const problem = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
    if (value.accessRoute && value.outcome !== "disclose") problem("accessRoute", v.accessRouteOnlyDisclose);
    if ((value.otherAgency || value.otherAgencyContact) && value.outcome !== "unable_not_held") problem("otherAgency", v.otherAgencyOnlyNotHeld);
    if (value.otherAgencyCode && value.outcome !== "unable_not_held") problem("otherAgencyCode", v.otherAgencyOnlyNotHeld);
    if (value.otherAgencyCode && (value.otherAgency || value.otherAgencyContact)) problem("otherAgencyCode", v.otherAgencyEither);
    if (value.otherAgencyCode && value.outcome === "unable_not_held" && !value.note) problem("note", v.otherAgencyReason);
    if (value.otherAgencyContact && !value.otherAgency) problem("otherAgency", v.otherAgencyName);
    if (value.otherAgency && value.outcome === "unable_not_held" && !value.note) problem("note", v.otherAgencyReason);
  });
export type DecisionInput = z.infer<typeof decisionSchema>;

/** 转送 to another agency of the platform: which (its code), on which day, and why (required). */
/** 转送: the agency it goes to, why (kept as the step's note), and the day (today when not given). */
export const transferSchema = z.object({
  agencyCode: requiredText(40, v.transferAgency),
  reason: requiredText(applicationTextLimits.note, v.transferReason),
  date: optionalIsoDateField(),
});

export const replyEditSchema = z.object({
  title: requiredText(applicationTextLimits.templateTitle, v.templateTitle),
  body: requiredText(applicationTextLimits.replyBody, v.templateBody),
  version: z.coerce.number().int().positive().optional(),
});

export const appealResults = ["upheld", "corrected", "other", "pending"] as const;

const booleanField = z.preprocess((value) => value === true || value === "true" || value === "on" || value === "1", z.boolean());

export const appealSchema = z.object({
  kind: z.enum(["reconsideration", "litigation"], { error: v.appealKind }),
  filedOn: isoDateField(),
  body: requiredText(applicationTextLimits.appealBody, v.appealBody),
  result: z.preprocess((value) => blankToUndefined(value) ?? "pending", z.enum(appealResults, { error: v.appealResult })),
  resultOn: optionalIsoDateField(),
  afterReconsideration: booleanField.optional(),
  note,
});

/** A case about proactive disclosure: no application, and what it is about instead. */
export const proactiveAppealSchema = appealSchema.extend({
  subject: requiredText(applicationTextLimits.appealSubject, v.appealSubject),
});

export const appealUpdateSchema = z.object({
  result: z.enum(appealResults, { error: v.appealResult }),
  resultOn: optionalIsoDateField(),
  note,
});

export const replyTemplateSchema = z.object({
  title: requiredText(applicationTextLimits.templateTitle, v.templateTitle),
  legalBasis: requiredText(500, messages.applications.validation.templateBody),
  body: requiredText(applicationTextLimits.templateBody, v.templateBody),
});

/** Absent fields keep their stored value, so `{handlingSectionId}` alone still works. */
const keptText = (max: number) =>
  z.preprocess(
    (value) => (value === null ? "" : value),
    z
      .string()
      .trim()
      .max(max, { error: v.tooLong(max) })
      .optional(),
  );

export const settingsSchema = z.object({
  handlingSectionId: z.coerce.number({ error: v.section }).int({ error: v.section }).positive({ error: v.section }),
  reconsiderationOrgan: keptText(100),
  litigationCourt: keptText(100),
  extensionApproverRole: z.preprocess(blankToUndefined, z.enum(["section_head", "leader"], { error: v.extensionApproverRole }).optional()),
  deferRestDayReceipt: z.preprocess(
    (value) => (value === "" || value === null || value === undefined ? undefined : value === true || value === "true" || value === "on" || value === "1"),
    z.boolean().optional(),
  ),
});

export const statusLookupSchema = z.object({
  number: requiredText(40, v.number),
  code: requiredText(40, v.code).transform((value) => value.replace(/[\s-]/g, "").toUpperCase()),
});
