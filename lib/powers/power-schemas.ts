import { z } from "zod";
import { PowerStatus, PowerType } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { isoDate, lineList, optionalText, positiveId, requiredText, versionField } from "@/lib/powers/register-schemas";

/** The fields of a power-list entry, the same for the console form and the JSON API. */
export const powerContentSchema = z.object({
  code: requiredText(messages.registers.powers.fields.code, 50).refine((value) => !/\s/.test(value), {
    error: messages.registers.validation.codeWithoutSpaces,
  }),
  name: requiredText(messages.registers.powers.fields.name, 200),
  type: z.enum(PowerType, { error: messages.registers.validation.choosePowerType }),
  legalBasis: lineList(messages.registers.powers.fields.legalBasis, 1000, { min: 1, max: 50 }),
  sectionId: positiveId(messages.registers.validation.choosePowerSection),
  responsibilities: requiredText(messages.registers.powers.fields.responsibilities, 5000),
  accountability: requiredText(messages.registers.powers.fields.accountability, 5000),
  status: z.enum(PowerStatus, { error: messages.registers.validation.chooseStatus }),
  effectiveOn: isoDate(messages.registers.powers.fields.effectiveOn),
  statusNote: optionalText(messages.registers.powers.fields.statusNote, 500),
});

export type PowerContentInput = z.infer<typeof powerContentSchema>;

export const updatePowerSchema = powerContentSchema.extend({ version: versionField });

export const publishPowerListVersionSchema = z.object({
  year: z.coerce.number({ error: messages.registers.validation.yearRequired }).int({ error: messages.registers.validation.yearRequired }),
  note: optionalText(messages.registers.validation.note, 500),
});
