import { listAgencies, toSummary } from "@/lib/agency/agencies";
import { respondWithOpenData } from "@/lib/open-data/open-data-route";

export const dynamic = "force-dynamic";

/** The platform's agencies (集约化): their `code` is what `/agencies/{code}` and `agency=` use. */
export function GET(request: Request) {
  return respondWithOpenData(request, async () => {
    const agencies = (await listAgencies()).map(toSummary);
    return { items: agencies, total: agencies.length };
  });
}
