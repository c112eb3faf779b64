import { resolvePublicAgency } from "@/lib/agency/public-agency";
import { findCategoryTree } from "@/lib/catalogue/catalogue-tree";
import { respondWithOpenData } from "@/lib/open-data/open-data-route";

export const dynamic = "force-dynamic";

/** The catalogue of the default agency, or with `agency=CODE` of that agency: the platform template and its own columns. */
export function GET(request: Request) {
  return respondWithOpenData(request, async () => {
    const agency = await resolvePublicAgency(new URL(request.url).searchParams.get("agency"));
    return { categories: await findCategoryTree({ agencyId: agency.id }) };
  });
}
