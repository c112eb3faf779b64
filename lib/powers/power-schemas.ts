import { z } from "zod";
import { PowerStatus, PowerType } from "@/lib/generated/prisma/enums";
import { isoDate, lineList, optionalText, positiveId, requiredText, versionField } from "@/lib/powers/register-schemas";

/** The fields of a power-list entry, the same for the console form and the JSON API. */
export const powerContentSchema = z.object({
  code: requiredText("事项编码", 50).refine((value) => !/\s/.test(value), { error: "事项编码不能含空格。" }),
  name: requiredText("事项名称", 200),
  type: z.enum(PowerType, { error: "请选择职权类别。" }),
  legalBasis: lineList("设定依据", 1000, { min: 1, max: 50 }),
  sectionId: positiveId("请选择责任科室。"),
  responsibilities: requiredText("责任事项", 5000),
  accountability: requiredText("追责情形", 5000),
  status: z.enum(PowerStatus, { error: "请选择状态。" }),
  effectiveOn: isoDate("生效日期"),
  statusNote: optionalText("状态说明", 500),
});

export type PowerContentInput = z.infer<typeof powerContentSchema>;

export const updatePowerSchema = powerContentSchema.extend({ version: versionField });

export const publishPowerListVersionSchema = z.object({
  year: z.coerce.number({ error: "请填写年度。" }).int({ error: "请填写年度。" }),
  note: optionalText("说明", 500),
});
