import { z } from "zod";
import { isIsoDate } from "@/lib/deadlines/iso-date";
import { ItemValidity } from "@/lib/generated/prisma/enums";
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
    .string({ error: `请填写${label}。` })
    .trim()
    .refine((value) => isIsoDate(value), { error: `${label}不是有效日期（格式：2017-03-01）。` });

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
  (value) => (typeof value === "string" ? value.split(/[,，、;；\s]+/) : value ?? []),
  z.array(z.string().trim().max(30, { error: "每个关键词最多 30 个字符。" })).transform((list) => [...new Set(list.filter(Boolean))]),
);

/** The fields an editor sets; the same shape for the console form and the JSON API. */
export const itemContentSchema = z.object({
  title: z.string({ error: "请填写标题。" }).trim().min(1, { error: "请填写标题。" }).max(TITLE_MAX, { error: `标题最多 ${TITLE_MAX} 个字符。` }),
  body: z.string({ error: "请填写正文。" }).max(BODY_MAX, { error: `正文最多 ${BODY_MAX} 个字符。` }),
  categoryId: z.coerce.number({ error: "请选择所属栏目。" }).int().positive({ error: "请选择所属栏目。" }),
  issuingSectionId: z.preprocess((value) => (value === "" || value === "agency" ? null : value), z.coerce.number().int().positive().nullish()),
  documentNumber: optionalText(80, "文号最多 80 个字符。"),
  writtenAt: optionalIsoDate("成文日期"),
  formedAt: optionalIsoDate("信息形成日期"),
  validity: z.enum(ItemValidity, { error: "请选择有效性。" }).optional(),
  validityDate: optionalIsoDate("有效性变更日期"),
  replacedByItemId: z.preprocess((value) => (value === "" ? null : value), z.coerce.number().int().positive().nullish()),
  channels: z.preprocess(
    (value) => (value === undefined || value === null || value === "" ? undefined : Array.isArray(value) ? value : [value]),
    z.array(z.enum(disclosureChannels, { error: "公开渠道无效。" })).min(1, { error: "请至少选择一个公开渠道。" }).optional(),
  ),
  keywords: stringList.optional(),
  attachmentFileIds: idList.optional(),
});

export const createItemSchema = itemContentSchema;

export const updateItemSchema = itemContentSchema.partial().extend({
  version: z.coerce.number({ error: "缺少版本号。" }).int().positive({ error: "缺少版本号。" }),
});

export type ItemContentInput = z.infer<typeof itemContentSchema>;
