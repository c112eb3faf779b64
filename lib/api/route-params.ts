import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";

/** A positive integer id from a route segment; anything else is a 404 like an unknown id. */
export async function readIdParam(params: Promise<{ id: string }>, notFoundMessage: string = messages.common.errors.notFound): Promise<number> {
  const raw = (await params).id;
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id) || id <= 0) throw new NotFoundError(notFoundMessage);
  return id;
}

/** A positive integer query parameter, or undefined when absent or malformed. */
export function readPositiveInteger(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return Number.isSafeInteger(number) && number > 0 ? number : undefined;
}
