import { z } from "zod";
import { isIsoDate } from "@/lib/deadlines/iso-date";
import { ItemValidity } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { disclosureChannels } from "@/lib/items/channels";

export const TITLE_MAX = 200;
export const BODY_MAX = 200_000;

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, { error: message })
    .transform((value) => value || null)
    .nullish();

const isoDate = (label: string) =>
  z
    .string({ error: messages.common.validation.required(label) })
    .trim()
    .refine((value) => isIsoDate(value), { error: messages.common.validation.invalidDate(label, messages.items.validation.dateExample) });

const optionalIsoDate = (label: string) =>
  z
    .union([z.literal(""), isoDate(label)])
    .nullish()
    .transform((value) => value || null);

const idList = z.preprocess(
  (value) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.coerce.number().int().positive()),
);

const stringList = z.preprocess(
  (value) => (typeof value === "string" ? value.split(/[,，、;；\s]+/) : (value ?? [])),
  z.array(z.string().trim().max(30, { error: messages.items.validation.keywordTooLong })).transform((list) => [...new Set(list.filter(Boolean))]),
);

/** The fields an editor sets; the same shape for the console form and the JSON API. */
export const itemContentSchema = z.object({
  title: z
    .string({ error: messages.items.validation.titleRequired })
    .trim()
    .min(1, { error: messages.items.validation.titleRequired })
    .max(TITLE_MAX, { error: messages.items.validation.titleTooLong(TITLE_MAX) }),
  body: z.string({ error: messages.items.validation.bodyRequired }).max(BODY_MAX, { error: messages.items.validation.bodyTooLong(BODY_MAX) }),
  categoryId: z.coerce.number({ error: messages.items.validation.chooseCategory }).int().positive({ error: messages.items.validation.chooseCategory }),
  issuingSectionId: z.preprocess((value) => (value === "" || value === "agency" ? null : value), z.coerce.number().int().positive().nullish()),
  documentNumber: optionalText(80, messages.items.validation.documentNumberTooLong),
  externalIssuingBody: optionalText(100, messages.items.validation.externalIssuingBodyTooLong),
  writtenAt: optionalIsoDate(messages.consoleItems.fields.writtenAt),
  formedAt: optionalIsoDate(messages.consoleItems.fields.formedAt),
  validity: z.enum(ItemValidity, { error: messages.items.validation.chooseValidity }).optional(),
  validityDate: optionalIsoDate(messages.consoleItems.fields.validityDate),
  replacedByItemId: z.preprocess((value) => (value === "" ? null : value), z.coerce.number().int().positive().nullish()),
  interpretedItemId: z.preprocess(
    (value) => (value === "" ? null : value),
    z.coerce
      .number({ error: messages.items.validation.interpretedItemInvalid })
      .int()
      .positive({ error: messages.items.validation.interpretedItemInvalid })
      .nullish(),
  ),
  channels: z.preprocess(
    (value) => (value === undefined || value === null || value === "" ? undefined : Array.isArray(value) ? value : [value]),
    z
      .array(z.enum(disclosureChannels, { error: messages.items.validation.channelInvalid }))
      .min(1, { error: messages.items.validation.channelsRequired })
      .optional(),
  ),
  keywords: stringList.optional(),
  attachmentFileIds: idList.optional(),
});

export const createItemSchema = itemContentSchema;

export const updateItemSchema = itemContentSchema.partial().extend({
  version: z.coerce.number({ error: messages.common.validation.versionMissing }).int().positive({ error: messages.common.validation.versionMissing }),
});

export type ItemContentInput = z.infer<typeof itemContentSchema>;
