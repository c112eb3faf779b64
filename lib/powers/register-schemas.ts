import { z } from "zod";
import { isIsoDate } from "@/lib/deadlines/iso-date";
import { messages } from "@/lib/i18n";

/** zod pieces shared by the register forms and APIs (powers, services, decisions). */

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: messages.common.validation.required(label) })
    .trim()
    .min(1, { error: messages.common.validation.required(label) })
    .max(max, { error: messages.common.validation.tooLong(label, max) });

export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: messages.common.validation.tooLong(label, max) })
    .nullish()
    .transform((value) => value || null);

export const isoDate = (label: string) =>
  z
    .string({ error: messages.common.validation.required(label) })
    .trim()
    .min(1, { error: messages.common.validation.required(label) })
    .refine((value) => isIsoDate(value), { error: messages.common.validation.invalidDate(label, messages.registers.validation.dateExample) });

/** A list typed one entry per line in a textarea, or sent as an array by the API. */
export const lineList = (label: string, maxEach: number, options: { min?: number; max?: number } = {}) =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.split(/\r?\n/) : (value ?? [])),
    z
      .array(
        z
          .string()
          .trim()
          .max(maxEach, { error: messages.common.validation.eachTooLong(label, maxEach) }),
      )
      .transform((list) => list.filter(Boolean))
      .refine((list) => list.length >= (options.min ?? 0), { error: messages.common.validation.atLeastOne(label) })
      .refine((list) => list.length <= (options.max ?? 100), { error: messages.common.validation.tooMany(label, options.max ?? 100) }),
  );

export const positiveId = (message: string) => z.coerce.number({ error: message }).int({ error: message }).positive({ error: message });

export const versionField = z.coerce
  .number({ error: messages.common.validation.versionMissing })
  .int()
  .positive({ error: messages.common.validation.versionMissing });
