import "server-only";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { ValidationError } from "@/lib/errors";
import { quoteFeeByCount, quoteFeeByVolume, type FeeQuote } from "@/lib/fees/fee-calculator";
import { messages } from "@/lib/i18n";

function readCount(name: string, raw: string): number {
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)) || Number(raw) < 1) {
    throw new ValidationError({ [name]: [messages.applications.fees.quantityInvalid] });
  }
  return Number(raw);
}

/**
 * `GET /api/v1/admin/fees/quote?pages=N` (by volume) or `?applicationsThisMonth=N` (by count):
 * exactly one of the two, since one application is never charged by both methods.
 */
export function quoteFeeForStaff(actor: ActingUser, query: URLSearchParams): FeeQuote {
  assertPermitted(actor, "fee.quote");
  const pages = query.get("pages");
  const applicationsThisMonth = query.get("applicationsThisMonth");
  if ((pages === null) === (applicationsThisMonth === null)) {
    throw new ValidationError({ _: [messages.applications.fees.quoteNeedsOne] });
  }
  return pages !== null ? quoteFeeByVolume(readCount("pages", pages)) : quoteFeeByCount(readCount("applicationsThisMonth", applicationsThisMonth!));
}
