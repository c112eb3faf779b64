import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";

/**
 * Paging of every public list in the open-data API: `page` (from 1) and `pageSize` (1–100,
 * default 20) in the query string; responses carry `total`. Anything else is a 422 naming the
 * parameter, never a silent correction: a client that asks for 500 rows learns the limit.
 */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

const positiveInteger = (message: string) =>
  z
    .string()
    .regex(/^\d{1,9}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(1, message));

export const pagingParamsSchema = z.object({
  page: positiveInteger(messages.common.validation.pageNumber).optional(),
  pageSize: positiveInteger(messages.common.validation.pageSize(MAX_PAGE_SIZE))
    .pipe(z.number().max(MAX_PAGE_SIZE, messages.common.validation.pageSize(MAX_PAGE_SIZE)))
    .optional(),
});

export type Paging = { page: number; pageSize: number };

/** Reads page and pageSize from a query string; throws ValidationError (422) for bad values. */
export function readPaging(params: URLSearchParams): Paging {
  const raw = { page: params.get("page") ?? undefined, pageSize: params.get("pageSize") ?? undefined };
  const parsed = pagingParamsSchema.safeParse({ page: raw.page || undefined, pageSize: raw.pageSize || undefined });
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[String(issue.path[0] ?? "_")] ??= []).push(issue.message);
    throw new ValidationError(fields);
  }
  return { page: parsed.data.page ?? 1, pageSize: parsed.data.pageSize ?? DEFAULT_PAGE_SIZE };
}
