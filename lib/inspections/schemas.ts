import { z } from "zod";
import { isIsoDate } from "@/lib/deadlines/iso-date";
import { InspectionOutcome } from "@/lib/generated/prisma/enums";
import { isValidCreditCode } from "@/lib/identifiers";
import { minimumInspectorsPerTarget } from "@/lib/inspections/draw";

/** Validation of the 双随机一公开 inputs, the same for console forms, the JSON API and imports. */

const requiredText = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}。` })
    .trim()
    .min(1, { error: `请填写${label}。` })
    .max(max, { error: `${label}最多 ${max} 个字符。` });

/** A credit code as typed: spaces removed, upper case; empty means none. */
export function normalizeCreditCode(value: unknown): unknown {
  return typeof value === "string" ? value.replace(/\s+/g, "").toUpperCase() : value;
}

/** The reason a credit code is refused, or null when it is valid. */
export function creditCodeProblem(value: string): string | null {
  if (!/^[0-9A-Z]{18}$/.test(value)) return "统一社会信用代码应为 18 位数字或大写字母。";
  if (!/^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(value)) return "统一社会信用代码不能含有字母 I、O、Z、S、V。";
  if (!isValidCreditCode(value)) return "统一社会信用代码校验位不正确，请核对。";
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
  name: requiredText("名称", 100),
  creditCode: creditCodeSchema,
  address: requiredText("地址", 200),
  category: requiredText("类别", 40),
});
export type TargetInput = z.infer<typeof targetInputSchema>;

const positiveId = (message: string) => z.coerce.number({ error: message }).int({ error: message }).positive({ error: message });

export const inspectorInputSchema = z.object({
  name: requiredText("姓名", 30),
  certificateNumber: requiredText("执法证号", 40).transform((value) => value.replace(/\s+/g, "")),
  sectionId: positiveId("请选择科室。"),
});
export type InspectorInput = z.infer<typeof inspectorInputSchema>;

export const activeSchema = z.object({
  active: z.preprocess((value) => value === true || value === "true" || value === "1" || value === "on", z.boolean()),
});

export const conflictInputSchema = z.object({
  inspectorId: positiveId("请选择检查人员。"),
  targetId: positiveId("请选择检查对象。"),
  reason: requiredText("回避原因", 200),
});

export const inspectionItemInputSchema = z.object({
  powerId: positiveId("请选择权责清单中的行政检查事项。"),
  name: requiredText("抽查事项名称", 100),
  targetScope: requiredText("抽查对象", 100),
  method: requiredText("检查方式", 60),
});

const isoDate = (label: string) =>
  z
    .string({ error: `请填写${label}。` })
    .trim()
    .refine((value) => isIsoDate(value), { error: `${label}不是有效日期（格式：2017-05-08）。` });

const idList = (message: string) =>
  z.preprocess(
    (value) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.coerce.number().int().positive()).min(1, { error: message }).transform((ids) => [...new Set(ids)]),
  );

const categoryList = z.preprocess(
  (value) => (value === undefined || value === null || value === "" ? [] : typeof value === "string" ? [value] : value),
  z.array(z.string().trim().max(40, { error: "类别最多 40 个字符。" })).transform((list) => [...new Set(list.filter(Boolean))].sort()),
);

export const planInputSchema = z
  .object({
    title: requiredText("任务名称", 200),
    year: z.coerce.number({ error: "请填写年度。" }).int({ error: "年度应为整数。" }).min(2000, { error: "年度不早于 2000 年。" }).max(2100, { error: "年度不晚于 2100 年。" }),
    description: requiredText("抽查内容和方式", 5000),
    itemIds: idList("请至少选择一个抽查事项。"),
    targetCategories: categoryList,
    targetCount: z.coerce.number({ error: "请填写抽取数量。" }).int({ error: "抽取数量应为整数。" }).min(1, { error: "至少抽取 1 个检查对象。" }).max(10_000, { error: "一次最多抽取 10000 个检查对象。" }),
    inspectorsPerTarget: z.coerce
      .number({ error: "请填写每个对象的检查人员数。" })
      .int({ error: "检查人员数应为整数。" })
      .min(minimumInspectorsPerTarget, { error: `每个检查对象至少 ${minimumInspectorsPerTarget} 名检查人员。` })
      .max(10, { error: "每个检查对象最多 10 名检查人员。" }),
    startOn: isoDate("检查开始日期"),
    endOn: isoDate("检查结束日期"),
    version: z.coerce.number().int().positive().optional(),
  })
  .superRefine((plan, context) => {
    if (isIsoDate(plan.startOn) && isIsoDate(plan.endOn) && plan.endOn < plan.startOn) {
      context.addIssue({ code: "custom", path: ["endOn"], message: "检查结束日期不能早于开始日期。" });
    }
  });
export type PlanInput = z.infer<typeof planInputSchema>;

/** The draw takes no parameters of its own: the plan holds them. */
export const drawRequestSchema = z.object({ version: z.coerce.number().int().positive().optional() });

export const resultEntrySchema = z.object({
  assignmentId: z.coerce.number().int().positive(),
  outcome: z.preprocess((value) => (value === "" ? null : value), z.enum(InspectionOutcome, { error: "请选择检查结果。" }).nullable()),
  inspectedOn: z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z.string().trim().refine((value) => isIsoDate(value), { error: "检查日期不是有效日期（格式：2017-05-08）。" }).nullable(),
  ),
  note: z
    .string()
    .trim()
    .max(500, { error: "说明最多 500 个字符。" })
    .nullish()
    .transform((value) => value || null),
});

export const resultsInputSchema = z.object({
  version: z.coerce.number().int().positive().optional(),
  results: z.array(resultEntrySchema).max(10_000),
});
