import { headers } from "next/headers";
import { cache } from "react";
import type { AgencyDetails } from "@/lib/agency/agencies";
import { VIEWED_AGENCY_HEADER } from "@/lib/agency/agency-address";
import { findViewedAgency } from "@/lib/agency/public-agency";

/**
 * The agency the address being rendered names, as proxy.ts put it in the request (the layout cannot
 * read the query): `code` as the address has it, `agency` null for the platform's own pages (no
 * code, the default agency's, or an unknown one). Once per request: the layout, its title and the
 * home page's title all ask.
 */
export const findViewedAgencyOfRequest = cache(async (): Promise<{ code: string | null; agency: AgencyDetails | null }> => {
  const code = (await headers()).get(VIEWED_AGENCY_HEADER);
  return { code, agency: await findViewedAgency(code) };
});
