import { z } from "zod";
import { messages } from "@/lib/i18n";
import { lineList, optionalText, positiveId, requiredText, versionField } from "@/lib/powers/register-schemas";

const count = z.preprocess(
  (value) => (value === "" || value === null || value === undefined ? 0 : value),
  z.coerce
    .number({ error: messages.registers.validation.copiesCount })
    .int({ error: messages.registers.validation.copiesCount })
    .min(0, { error: messages.registers.validation.copiesCount })
    .max(99, { error: messages.registers.validation.copiesCount }),
);

export const serviceMaterialSchema = z.object({
  name: requiredText(messages.registers.services.materials.name, 200),
  originals: count,
  copies: count,
  note: optionalText(messages.registers.validation.materialNote, 200),
});

/** The fields of a service and its guide, the same for the console form and the JSON API. */
export const serviceContentSchema = z.object({
  code: requiredText(messages.registers.services.fields.code, 50).refine((value) => !/\s/.test(value), {
    error: messages.registers.validation.codeWithoutSpaces,
  }),
  name: requiredText(messages.registers.services.fields.name, 200),
  powerId: z.preprocess((value) => (value === "" || value === undefined ? null : value), positiveId(messages.registers.validation.powerInvalid).nullable()),
  sectionId: positiveId(messages.registers.validation.chooseServiceSection),
  legalBasis: lineList(messages.registers.services.fields.legalBasis, 1000, { min: 1, max: 50 }),
  conditions: requiredText(messages.registers.services.fields.conditions, 5000),
  materials: z.array(serviceMaterialSchema).max(100, { error: messages.registers.validation.materialsTooMany }).default([]),
  steps: lineList(messages.registers.services.fields.steps, 500, { min: 1, max: 50 }),
  timeLimitDays: z.coerce
    .number({ error: messages.registers.validation.timeLimitRequired })
    .int({ error: messages.registers.validation.timeLimitInteger })
    .min(0, { error: messages.registers.validation.timeLimitNegative })
    .max(365, { error: messages.registers.validation.timeLimitMax }),
  fee: requiredText(messages.registers.services.fields.fee, 500),
  place: requiredText(messages.registers.services.fields.place, 300),
  officeHours: requiredText(messages.registers.services.fields.officeHours, 300),
  consultationPhone: requiredText(messages.registers.services.fields.consultationPhone, 100),
  complaintPhone: requiredText(messages.registers.services.fields.complaintPhone, 100),
  /** Forms already attached that stay attached (the others are removed from the working copy). */
  keepFormIds: z
    .preprocess(
      (value) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]),
      z.array(z.coerce.number().int().positive()),
    )
    .default([]),
});

export type ServiceContentInput = z.infer<typeof serviceContentSchema>;

export const updateServiceSchema = serviceContentSchema.extend({ version: versionField });
