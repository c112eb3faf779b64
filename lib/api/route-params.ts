import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";

/** The largest id a column holds (PostgreSQL `integer`): a larger one names no record. */
export const MAX_ID = 2_147_483_647;

/** A positive integer id from a route segment; anything else is a 404 like an unknown id. */
export async function readIdParam(params: Promise<{ id: string }>, notFoundMessage: string = messages.common.errors.notFound): Promise<number> {
  const raw = (await params).id;
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id) || id <= 0 || id > MAX_ID) throw new NotFoundError(notFoundMessage);
  return id;
}

/** A positive integer query parameter (a page, a size, a year: at most MAX_ID), or undefined when absent or malformed. */
export function readPositiveInteger(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return Number.isSafeInteger(number) && number > 0 && number <= MAX_ID ? number : undefined;
}

/** A route segment decoded once more (a number with "/" or Chinese in it); a malformed escape is kept as it is, and names nothing. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
