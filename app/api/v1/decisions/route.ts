import { readPublicDecisionQuery } from "@/lib/decisions/decision-query";
import { findPublicDecisions } from "@/lib/decisions/public-decisions";
import { respondWithOpenData } from "@/lib/open-data/open-data-route";

export const dynamic = "force-dynamic";

/** GET /api/v1/decisions?kind=&q=&year=&from=&to=&page=&pageSize=: the public 双公示 list. */
export function GET(request: Request) {
  return respondWithOpenData(request, async () => findPublicDecisions(readPublicDecisionQuery(new URL(request.url).searchParams)));
}
