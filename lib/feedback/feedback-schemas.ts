import { z } from "zod";
import { Satisfaction } from "@/lib/generated/prisma/enums";

/** Length limits of a visitor's message: part of the abuse control, shown on the form. */
export const feedbackLimits = { topic: 100, content: 2000, name: 40, contact: 100, reply: 5000 } as const;

// Control characters other than line breaks and tabs never belong in a message.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

const visitorText = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}。` })
    .transform((value) => value.replace(controlCharacters, "").trim())
    .pipe(z.string().min(1, { error: `请填写${label}。` }).max(max, { error: `${label}最多 ${max} 个字。` }));

const optionalVisitorText = (label: string, max: number) =>
  z
    .string()
    .nullish()
    .transform((value) => (value ?? "").replace(controlCharacters, "").trim())
    .pipe(z.string().max(max, { error: `${label}最多 ${max} 个字。` }))
    .transform((value) => value || null);

/** A checkbox ("on"), a JSON boolean, or "true"/"1". */
export const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true" || value === "1", z.boolean());

export const feedbackSubmissionSchema = z.object({
  topic: visitorText("主题", feedbackLimits.topic),
  content: visitorText("内容", feedbackLimits.content),
  name: optionalVisitorText("姓名", feedbackLimits.name),
  contact: optionalVisitorText("联系方式", feedbackLimits.contact),
  mayPublish: checkbox.optional().default(false),
  itemId: z.preprocess((value) => (value === "" ? null : value), z.coerce.number({ error: "所涉信息无效。" }).int().positive({ error: "所涉信息无效。" }).nullish()),
});

const version = z.coerce.number({ error: "缺少版本号。" }).int().positive({ error: "缺少版本号。" });

export const moderationSchema = z.object({
  decision: z.enum(["release", "reject"], { error: "请选择处理结果。" }),
  note: z.string().trim().max(500, { error: "说明最多 500 个字。" }).nullish(),
  version,
});

export const assignFeedbackSchema = z.object({
  sectionId: z.coerce.number({ error: "请选择科室。" }).int().positive({ error: "请选择科室。" }),
  version,
});

export const feedbackReplyInputSchema = z.object({
  body: z.string({ error: "请填写答复内容。" }).trim().min(1, { error: "请填写答复内容。" }).max(feedbackLimits.reply, { error: `答复最多 ${feedbackLimits.reply} 个字。` }),
  version,
});

export const unpublishFeedbackSchema = z.object({
  reason: z.string({ error: "请填写理由。" }).trim().min(1, { error: "请填写理由。" }).max(500, { error: "理由最多 500 个字。" }),
  version,
});

export const feedbackRatingSchema = z.object({ rating: z.enum(Satisfaction, { error: "请选择评价。" }) });
