import { z } from "zod";
import { isIsoDate } from "@/lib/deadlines/iso-date";
import { InspectionOutcome } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { isValidCreditCode } from "@/lib/identifiers";
import { minimumInspectorsPerTarget } from "@/lib/inspections/draw";

/** Validation of the 双随机一公开 inputs, the same for console forms, the JSON API and imports. */

const requiredText = (label: string, max: number) =>
  z
    .string({ error: messages.common.validation.required(label) })
    .trim()
    .min(1, { error: messages.common.validation.required(label) })
    .max(max, { error: messages.common.validation.tooLongCharacters(label, max) });

/** A credit code as typed: spaces removed, upper case; empty means none. */
export function normalizeCreditCode(value: unknown): unknown {
  return typeof value === "string" ? value.replace(/\s+/g, "").toUpperCase() : value;
}

/** The reason a credit code is refused, or null when it is valid. */
export function creditCodeProblem(value: string): string | null {
  if (!/^[0-9A-Z]{18}$/.test(value)) return messages.inspections.validation.creditCodeShape;
  if (!/^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(value)) return messages.inspections.validation.creditCodeLetters;
  if (!isValidCreditCode(value)) return messages.inspections.validation.creditCodeCheck;
  return null;
}

export const creditCodeSchema = z.preprocess(
  (value) => (value === "" || value === null || value === undefined ? null : normalizeCreditCode(value)),
  z
    .string()
    .nullable()
    .superRefine((value, context) => {
      const problem = value === null ? null : creditCodeProblem(value);
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
);

export const targetInputSchema = z.object({
  name: requiredText(messages.inspections.validation.label.name, 100),
  creditCode: creditCodeSchema,
  address: requiredText(messages.inspections.validation.label.address, 200),
  category: requiredText(messages.inspections.validation.label.category, 40),
});
export type TargetInput = z.infer<typeof targetInputSchema>;

const positiveId = (message: string) => z.coerce.number({ error: message }).int({ error: message }).positive({ error: message });

export const inspectorInputSchema = z.object({
  name: requiredText(messages.inspections.validation.label.inspectorName, 30),
  certificateNumber: requiredText(messages.inspections.validation.label.certificateNumber, 40).transform((value) => value.replace(/\s+/g, "")),
  sectionId: positiveId(messages.inspections.validation.chooseSection),
});
export type InspectorInput = z.infer<typeof inspectorInputSchema>;

export const activeSchema = z.object({
  active: z.preprocess((value) => value === true || value === "true" || value === "1" || value === "on", z.boolean()),
});

export const conflictInputSchema = z.object({
  inspectorId: positiveId(messages.inspections.validation.chooseInspector),
  targetId: positiveId(messages.inspections.validation.chooseTarget),
  reason: requiredText(messages.inspections.validation.label.conflictReason, 200),
});

export const inspectionItemInputSchema = z.object({
  powerId: positiveId(messages.inspections.validation.choosePower),
  name: requiredText(messages.inspections.validation.label.itemName, 100),
  targetScope: requiredText(messages.inspections.validation.label.targetScope, 100),
  method: requiredText(messages.inspections.validation.label.method, 60),
});

const isoDate = (label: string) =>
  z
    .string({ error: messages.common.validation.required(label) })
    .trim()
    .refine((value) => isIsoDate(value), { error: messages.common.validation.invalidDate(label, messages.inspections.validation.dateExample) });

const idList = (message: string) =>
  z.preprocess(
    (value) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]),
    z
      .array(z.coerce.number().int().positive())
      .min(1, { error: message })
      .transform((ids) => [...new Set(ids)]),
  );

const categoryList = z.preprocess(
  (value) => (value === undefined || value === null || value === "" ? [] : typeof value === "string" ? [value] : value),
  z.array(z.string().trim().max(40, { error: messages.inspections.validation.categoryTooLong })).transform((list) => [...new Set(list.filter(Boolean))].sort()),
);

export const planInputSchema = z
  .object({
    title: requiredText(messages.inspections.fields.title, 200),
    year: z.coerce
      .number({ error: messages.inspections.validation.yearRequired })
      .int({ error: messages.inspections.validation.yearInteger })
      .min(2000, { error: messages.inspections.validation.yearMin })
      .max(2100, { error: messages.inspections.validation.yearMax }),
    description: requiredText(messages.inspections.fields.description, 5000),
    itemIds: idList(messages.inspections.validation.itemsRequired),
    targetCategories: categoryList,
    targetCount: z.coerce
      .number({ error: messages.inspections.validation.targetCountRequired })
      .int({ error: messages.inspections.validation.targetCountInteger })
      .min(1, { error: messages.inspections.validation.targetCountMin })
      .max(10_000, { error: messages.inspections.validation.targetCountMax }),
    inspectorsPerTarget: z.coerce
      .number({ error: messages.inspections.validation.inspectorsRequired })
      .int({ error: messages.inspections.validation.inspectorsInteger })
      .min(minimumInspectorsPerTarget, { error: messages.inspections.validation.inspectorsMin(minimumInspectorsPerTarget) })
      .max(10, { error: messages.inspections.validation.inspectorsMax }),
    startOn: isoDate(messages.inspections.fields.startOn),
    endOn: isoDate(messages.inspections.fields.endOn),
    version: z.coerce.number().int().positive().optional(),
  })
  .superRefine((plan, context) => {
    if (isIsoDate(plan.startOn) && isIsoDate(plan.endOn) && plan.endOn < plan.startOn) {
      context.addIssue({ code: "custom", path: ["endOn"], message: messages.inspections.validation.endBeforeStart });
    }
  });
export type PlanInput = z.infer<typeof planInputSchema>;

/** The draw takes no parameters of its own: the plan holds them. */
export const drawRequestSchema = z.object({ version: z.coerce.number().int().positive().optional() });

export const resultEntrySchema = z.object({
  assignmentId: z.coerce.number().int().positive(),
  outcome: z.preprocess(
    (value) => (value === "" ? null : value),
    z.enum(InspectionOutcome, { error: messages.inspections.validation.outcomeRequired }).nullable(),
  ),
  inspectedOn: z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z
      .string()
      .trim()
      .refine((value) => isIsoDate(value), {
        error: messages.common.validation.invalidDate(messages.inspections.validation.label.inspectedOn, messages.inspections.validation.dateExample),
      })
      .nullable(),
  ),
  note: z
    .string()
    .trim()
    .max(500, { error: messages.inspections.validation.noteTooLong })
    .nullish()
    .transform((value) => value || null),
});

export const resultsInputSchema = z.object({
  version: z.coerce.number().int().positive().optional(),
  results: z.array(resultEntrySchema).max(10_000),
});
