import { z } from "zod";
import { isIsoDate } from "@/lib/deadlines/iso-date";
import { ProposalKind, ReplyDisclosure, Satisfaction } from "@/lib/generated/prisma/enums";

export const PROPOSAL_TITLE_MAX = 200;
export const REPLY_BODY_MAX = 50_000;
export const REPLY_SUMMARY_MAX = 2000;

const requiredText = (label: string, max: number) =>
  z.string({ error: `请填写${label}。` }).trim().min(1, { error: `请填写${label}。` }).max(max, { error: `${label}最多 ${max} 个字符。` });

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}最多 ${max} 个字符。` })
    .nullish()
    .transform((value) => value || null);

const isoDate = (label: string) =>
  z.string({ error: `请填写${label}。` }).trim().refine((value) => isIsoDate(value), { error: `${label}不是有效日期（格式：2017-03-01）。` });

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

const version = z.coerce.number({ error: "缺少版本号。" }).int().positive({ error: "缺少版本号。" });

/** Names separated by commas, 、, semicolons or spaces; each person once. */
export const proposerList = z.preprocess(
  (value) => (typeof value === "string" ? value.split(/[,，、;；\s]+/) : value ?? []),
  z
    .array(z.string().trim().max(40, { error: "每位提出人最多 40 个字符。" }))
    .transform((list) => [...new Set(list.filter(Boolean))])
    .pipe(z.array(z.string()).min(1, { error: "请填写提出人。" }).max(50, { error: "提出人最多 50 位。" })),
);

export const proposalFieldsSchema = z.object({
  year: z.coerce.number({ error: "请填写年度。" }).int({ error: "年度无效。" }).min(2000, { error: "年度无效。" }).max(2100, { error: "年度无效。" }),
  session: requiredText("届次会议", 100),
  number: requiredText("编号", 40),
  kind: z.enum(ProposalKind, { error: "请选择类别。" }),
  title: requiredText("标题", PROPOSAL_TITLE_MAX),
  proposers: proposerList,
  receivedOn: isoDate("收到日期"),
  leadSectionId: optionalId,
  assistingSectionIds: idList.optional(),
  assignedOn: optionalIsoDate("交办日期"),
  deadline: optionalIsoDate("办理期限"),
});

export const createProposalSchema = proposalFieldsSchema;
export const updateProposalSchema = proposalFieldsSchema
  .omit({ leadSectionId: true, assistingSectionIds: true, assignedOn: true, deadline: true })
  .partial()
  .extend({ version });

export const assignProposalSchema = z.object({
  leadSectionId: z.coerce.number({ error: "请选择主办科室。" }).int().positive({ error: "请选择主办科室。" }),
  assistingSectionIds: idList.optional(),
  assignedOn: optionalIsoDate("交办日期"),
  deadline: optionalIsoDate("办理期限"),
  version,
});

export const replyInputSchema = z.object({
  body: requiredText("答复正文", REPLY_BODY_MAX),
  disclosure: z.enum(ReplyDisclosure, { error: "请选择公开方式。" }),
  summary: optionalText("公开摘要", REPLY_SUMMARY_MAX),
  nondisclosureReason: optionalText("不公开理由", 500),
  attachmentFileIds: idList.optional(),
  version: version.nullish(),
});

export const proposerFeedbackSchema = z.object({
  satisfaction: z.enum(Satisfaction, { error: "请选择满意度。" }),
  feedbackOn: optionalIsoDate("反馈日期"),
  note: optionalText("说明", 500),
  version,
});

export const reopenProposalSchema = z.object({ deadline: optionalIsoDate("重新办理期限"), comment: optionalText("说明", 500), version });

export const closeProposalSchema = z.object({ version });

export const proposalSettingsSchema = z.object({
  replyPeriodMonths: z.coerce.number({ error: "请填写月数。" }).int({ error: "请填写整数月数。" }).min(1, { error: "至少 1 个月。" }).max(12, { error: "最多 12 个月。" }),
});
