import { z } from "zod";
import { isIsoDate } from "@/lib/deadlines/iso-date";
import { ProposalKind, ReplyDisclosure, Satisfaction } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";

export const PROPOSAL_TITLE_MAX = 200;
export const REPLY_BODY_MAX = 50_000;
export const REPLY_SUMMARY_MAX = 2000;

const requiredText = (label: string, max: number) =>
  z
    .string({ error: messages.common.validation.required(label) })
    .trim()
    .min(1, { error: messages.common.validation.required(label) })
    .max(max, { error: messages.common.validation.tooLongCharacters(label, max) });

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: messages.common.validation.tooLongCharacters(label, max) })
    .nullish()
    .transform((value) => value || null);

const isoDate = (label: string) =>
  z
    .string({ error: messages.common.validation.required(label) })
    .trim()
    .refine((value) => isIsoDate(value), { error: messages.common.validation.invalidDate(label, messages.proposals.validation.dateExample) });

const optionalIsoDate = (label: string) =>
  z
    .union([z.literal(""), isoDate(label)])
    .nullish()
    .transform((value) => value || null);

const optionalId = z.preprocess((value) => (value === "" ? null : value), z.coerce.number().int().positive().nullish());

export const idList = z.preprocess(
  (value) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.coerce.number().int().positive()),
);

const version = z.coerce.number({ error: messages.common.validation.versionMissing }).int().positive({ error: messages.common.validation.versionMissing });

/** Names separated by commas, 、, semicolons or spaces; each person once. */
export const proposerList = z.preprocess(
  (value) => (typeof value === "string" ? value.split(/[,，、;；\s]+/) : (value ?? [])),
  z
    .array(z.string().trim().max(40, { error: messages.proposals.validation.proposerTooLong }))
    .transform((list) => [...new Set(list.filter(Boolean))])
    .pipe(
      z.array(z.string()).min(1, { error: messages.proposals.validation.proposersRequired }).max(50, { error: messages.proposals.validation.proposersTooMany }),
    ),
);

export const proposalFieldsSchema = z.object({
  year: z.coerce
    .number({ error: messages.proposals.validation.yearRequired })
    .int({ error: messages.proposals.validation.yearInvalid })
    .min(2000, { error: messages.proposals.validation.yearInvalid })
    .max(2100, { error: messages.proposals.validation.yearInvalid }),
  session: requiredText(messages.proposals.fields.session, 100),
  number: requiredText(messages.proposals.fields.number, 40),
  kind: z.enum(ProposalKind, { error: messages.proposals.validation.chooseKind }),
  title: requiredText(messages.proposals.fields.title, PROPOSAL_TITLE_MAX),
  proposers: proposerList,
  receivedOn: isoDate(messages.proposals.fields.receivedOn),
  leadSectionId: optionalId,
  assistingSectionIds: idList.optional(),
  assignedOn: optionalIsoDate(messages.proposals.fields.assignedOn),
  deadline: optionalIsoDate(messages.proposals.fields.deadline),
});

export const createProposalSchema = proposalFieldsSchema;
export const updateProposalSchema = proposalFieldsSchema
  .omit({ leadSectionId: true, assistingSectionIds: true, assignedOn: true, deadline: true })
  .partial()
  .extend({ version });

export const assignProposalSchema = z.object({
  leadSectionId: z.coerce
    .number({ error: messages.proposals.validation.chooseLeadSection })
    .int()
    .positive({ error: messages.proposals.validation.chooseLeadSection }),
  assistingSectionIds: idList.optional(),
  assignedOn: optionalIsoDate(messages.proposals.fields.assignedOn),
  deadline: optionalIsoDate(messages.proposals.fields.deadline),
  version,
});

export const replyInputSchema = z.object({
  body: requiredText(messages.proposals.validation.replyBody, REPLY_BODY_MAX),
  disclosure: z.enum(ReplyDisclosure, { error: messages.proposals.validation.chooseDisclosure }),
  summary: optionalText(messages.proposals.validation.summary, REPLY_SUMMARY_MAX),
  nondisclosureReason: optionalText(messages.proposals.validation.nondisclosureReason, 500),
  attachmentFileIds: idList.optional(),
  version: version.nullish(),
});

export const proposerFeedbackSchema = z.object({
  satisfaction: z.enum(Satisfaction, { error: messages.proposals.validation.chooseSatisfaction }),
  feedbackOn: optionalIsoDate(messages.proposals.validation.feedbackOn),
  note: optionalText(messages.proposals.validation.note, 500),
  version,
});

export const reopenProposalSchema = z.object({
  deadline: optionalIsoDate(messages.proposals.validation.reopenDeadline),
  comment: optionalText(messages.proposals.validation.note, 500),
  version,
});

export const closeProposalSchema = z.object({ version });

export const proposalSettingsSchema = z.object({
  replyPeriodMonths: z.coerce
    .number({ error: messages.proposals.validation.monthsRequired })
    .int({ error: messages.proposals.validation.monthsInteger })
    .min(1, { error: messages.proposals.validation.monthsMin })
    .max(12, { error: messages.proposals.validation.monthsMax }),
});
