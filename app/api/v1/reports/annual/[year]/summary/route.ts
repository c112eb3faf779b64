import { respondWithJson } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { computeReportSummary } from "@/lib/reports/summary-report";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/reports/annual/{year}/summary[?agencies=CODE,CODE]: the platform roles' summary of the
 * year's reports over the agencies (集约化) — `{year, dueOn, agencies: [{code, name, status,
 * publishedAt, …tables}], table2, table3, table4}` summed over the agencies chosen (all without).
 */
export function GET(request: Request, context: { params: Promise<{ year: string }> }) {
  return respondWithJson(async () => {
    const raw = (await context.params).year;
    if (!/^\d{4}$/.test(raw)) throw new NotFoundError(messages.common.notFound.reportYear);
    const actor = await requireApiUser(request);
    return computeReportSummary(actor, Number(raw), new URL(request.url).searchParams.get("agencies"));
  });
}
