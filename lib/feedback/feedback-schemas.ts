import { z } from "zod";
import { Satisfaction } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";

/** Length limits of a visitor's message: part of the abuse control, shown on the form. */
export const feedbackLimits = { topic: 100, content: 2000, name: 40, contact: 100, reply: 5000 } as const;

// Control characters other than line breaks and tabs never belong in a message.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

const visitorText = (label: string, max: number) =>
  z
    .string({ error: messages.common.validation.required(label) })
    .transform((value) => value.replace(controlCharacters, "").trim())
    .pipe(
      z
        .string()
        .min(1, { error: messages.common.validation.required(label) })
        .max(max, { error: messages.common.validation.tooLong(label, max) }),
    );

const optionalVisitorText = (label: string, max: number) =>
  z
    .string()
    .nullish()
    .transform((value) => (value ?? "").replace(controlCharacters, "").trim())
    .pipe(z.string().max(max, { error: messages.common.validation.tooLong(label, max) }))
    .transform((value) => value || null);

/** A checkbox ("on"), a JSON boolean, or "true"/"1". */
export const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true" || value === "1", z.boolean());

export const feedbackSubmissionSchema = z.object({
  topic: visitorText(messages.proposals.feedbackRules.topic, feedbackLimits.topic),
  content: visitorText(messages.proposals.feedbackRules.content, feedbackLimits.content),
  name: optionalVisitorText(messages.proposals.feedbackRules.name, feedbackLimits.name),
  contact: optionalVisitorText(messages.proposals.feedbackRules.contact, feedbackLimits.contact),
  mayPublish: checkbox.optional().default(false),
  itemId: z.preprocess(
    (value) => (value === "" ? null : value),
    z.coerce.number({ error: messages.proposals.feedbackRules.itemInvalid }).int().positive({ error: messages.proposals.feedbackRules.itemInvalid }).nullish(),
  ),
  /** The agency the message is left for (集约化, GET /api/v1/agencies); none: the item's agency, else the default agency. */
  agencyCode: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? null : value),
    z.string({ error: messages.common.notFound.agency }).trim().max(64, { error: messages.common.notFound.agency }).nullish(),
  ),
});

const version = z.coerce.number({ error: messages.common.validation.versionMissing }).int().positive({ error: messages.common.validation.versionMissing });

export const moderationSchema = z.object({
  decision: z.enum(["release", "reject"], { error: messages.proposals.feedbackRules.chooseDecision }),
  note: z.string().trim().max(500, { error: messages.proposals.feedbackRules.noteTooLong }).nullish(),
  version,
});

export const assignFeedbackSchema = z.object({
  sectionId: z.coerce
    .number({ error: messages.proposals.feedbackRules.chooseSection })
    .int()
    .positive({ error: messages.proposals.feedbackRules.chooseSection }),
  version,
});

export const feedbackReplyInputSchema = z.object({
  body: z
    .string({ error: messages.proposals.feedbackRules.replyRequired })
    .trim()
    .min(1, { error: messages.proposals.feedbackRules.replyRequired })
    .max(feedbackLimits.reply, { error: messages.proposals.feedbackRules.replyTooLong(feedbackLimits.reply) }),
  version,
});

export const unpublishFeedbackSchema = z.object({
  reason: z
    .string({ error: messages.proposals.feedbackRules.reasonRequired })
    .trim()
    .min(1, { error: messages.proposals.feedbackRules.reasonRequired })
    .max(500, { error: messages.proposals.feedbackRules.reasonTooLong }),
  version,
});

export const feedbackRatingSchema = z.object({ rating: z.enum(Satisfaction, { error: messages.proposals.feedbackRules.chooseRating }) });
