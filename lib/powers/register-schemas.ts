import { z } from "zod";
import { isIsoDate } from "@/lib/deadlines/iso-date";

/** zod pieces shared by the register forms and APIs (powers, services, decisions). */

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}。` })
    .trim()
    .min(1, { error: `请填写${label}。` })
    .max(max, { error: `${label}最多 ${max} 个字。` });

export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}最多 ${max} 个字。` })
    .nullish()
    .transform((value) => value || null);

export const isoDate = (label: string) =>
  z
    .string({ error: `请填写${label}。` })
    .trim()
    .min(1, { error: `请填写${label}。` })
    .refine((value) => isIsoDate(value), { error: `${label}不是有效日期（格式：2017-03-01）。` });

/** A list typed one entry per line in a textarea, or sent as an array by the API. */
export const lineList = (label: string, maxEach: number, options: { min?: number; max?: number } = {}) =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.split(/\r?\n/) : value ?? []),
    z
      .array(z.string().trim().max(maxEach, { error: `${label}每条最多 ${maxEach} 个字。` }))
      .transform((list) => list.filter(Boolean))
      .refine((list) => list.length >= (options.min ?? 0), { error: `请至少填写一条${label}。` })
      .refine((list) => list.length <= (options.max ?? 100), { error: `${label}最多 ${options.max ?? 100} 条。` }),
  );

export const positiveId = (message: string) => z.coerce.number({ error: message }).int({ error: message }).positive({ error: message });

export const versionField = z.coerce.number({ error: "缺少版本号。" }).int().positive({ error: "缺少版本号。" });
