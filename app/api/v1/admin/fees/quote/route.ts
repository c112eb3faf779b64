import { respondWithJson } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/session";
import { quoteFeeForStaff } from "@/lib/fees/fee-quotes";

export const dynamic = "force-dynamic";

/** `GET /api/v1/admin/fees/quote?pages=N` (by volume) or `?applicationsThisMonth=N` (by count) → `{amountYuan, breakdown}`. */
export function GET(request: Request) {
  return respondWithJson(async () => {
    const quote = quoteFeeForStaff(await requireApiUser(request), new URL(request.url).searchParams);
    return {
      amountYuan: quote.amountYuan,
      breakdown: quote.breakdown,
      method: quote.method,
      quantity: quote.quantity,
      summary: quote.summary,
      basis: quote.basis,
    };
  });
}
