import { z } from "zod";
import { lineList, optionalText, positiveId, requiredText, versionField } from "@/lib/powers/register-schemas";

const count = z.preprocess((value) => (value === "" || value === null || value === undefined ? 0 : value), z.coerce.number({ error: "份数应为 0 至 99 的整数。" }).int({ error: "份数应为 0 至 99 的整数。" }).min(0, { error: "份数应为 0 至 99 的整数。" }).max(99, { error: "份数应为 0 至 99 的整数。" }));

export const serviceMaterialSchema = z.object({
  name: requiredText("材料名称", 200),
  originals: count,
  copies: count,
  note: optionalText("材料备注", 200),
});

/** The fields of a service and its guide, the same for the console form and the JSON API. */
export const serviceContentSchema = z.object({
  code: requiredText("事项编码", 50).refine((value) => !/\s/.test(value), { error: "事项编码不能含空格。" }),
  name: requiredText("事项名称", 200),
  powerId: z.preprocess((value) => (value === "" || value === undefined ? null : value), positiveId("所选权责事项无效。").nullable()),
  sectionId: positiveId("请选择受理科室。"),
  legalBasis: lineList("办理依据", 1000, { min: 1, max: 50 }),
  conditions: requiredText("申请条件", 5000),
  materials: z.array(serviceMaterialSchema).max(100, { error: "申请材料最多 100 项。" }).default([]),
  steps: lineList("办理流程", 500, { min: 1, max: 50 }),
  timeLimitDays: z.coerce.number({ error: "请填写承诺办理时限。" }).int({ error: "办理时限应为整数个工作日。" }).min(0, { error: "办理时限不能为负数。" }).max(365, { error: "办理时限最多 365 个工作日。" }),
  fee: requiredText("收费标准", 500),
  place: requiredText("办理地点", 300),
  officeHours: requiredText("办公时间", 300),
  consultationPhone: requiredText("咨询电话", 100),
  complaintPhone: requiredText("投诉电话", 100),
  /** Forms already attached that stay attached (the others are removed from the working copy). */
  keepFormIds: z.preprocess(
    (value) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.coerce.number().int().positive()),
  ).default([]),
});

export type ServiceContentInput = z.infer<typeof serviceContentSchema>;

export const updateServiceSchema = serviceContentSchema.extend({ version: versionField });
