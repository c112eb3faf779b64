import pg from "pg";
import { AppError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { messages } from "@/lib/i18n";

/**
 * PostgreSQL's answers to a value its column cannot hold: not a number where one is expected
 * (22P02), a number beyond the column (22003), a NUL character in text (22021) or JSON (22P05),
 * text longer than the column (22001), a date that is no date (22007, 22008), a value too big for
 * an index (54000).
 */
const UNSTORABLE_VALUE_CODES = new Set(["22P02", "22003", "22021", "22P05", "22001", "22007", "22008", "54000"]);

function postgresCodeOf(error: unknown): string | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } }).meta;
  const code = meta?.driverAdapterError?.cause?.originalCode ?? (error as { cause?: { originalCode?: unknown } }).cause?.originalCode;
  return typeof code === "string" ? code : undefined;
}

/**
 * Whether the database refused a value of the request itself — an id that is not a number or
 * beyond the column (a server action's arguments come from the browser as they are), a NUL
 * character in a search term — rather than failing. Such a request is invalid input (422), never a
 * 500. The data layer checks what it can first; this is the net under it.
 */
export function isUnstorableInputError(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientValidationError) return true;
  // The search engine queries through node-postgres directly (lib/search/postgres-engine.ts).
  if (error instanceof pg.DatabaseError) return error.code !== undefined && UNSTORABLE_VALUE_CODES.has(error.code);
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2000" || error.code === "P2020") return true;
    const code = postgresCodeOf(error);
    return code !== undefined && UNSTORABLE_VALUE_CODES.has(code);
  }
  return false;
}

/** The error to answer with: the data layer's own, or 422 for a value the database cannot hold; null for a fault. */
export function refusalOf(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isUnstorableInputError(error)) return new ValidationError({ _: [messages.errors.unstorableInput] }, messages.errors.unstorableInput);
  return null;
}
