import { respondWithOpenData } from "@/lib/open-data/open-data-route";
import { findPublishedProposalReplies } from "@/lib/proposals/public-proposals";
import { readKindParam, readYearParam } from "@/lib/proposals/query-params";

export const dynamic = "force-dynamic";

/** Published proposal replies (public): `?year=2017&kind=suggestion|proposal`. Replies marked 不公开 never appear. */
export function GET(request: Request) {
  return respondWithOpenData(request, async () => {
    const query = new URL(request.url).searchParams;
    const year = readYearParam(query.get("year"));
    const kind = readKindParam(query.get("kind"));
    const proposals = await findPublishedProposalReplies({ year, kind, agencyCode: query.get("agency") || undefined });
    return { year: year ?? null, kind: kind ?? null, total: proposals.length, proposals };
  });
}
