import "server-only";
import { db } from "@/lib/db";
import { logoUrlOf } from "./site-identity-format";

export type AgencyProfile = {
  code: string;
  name: string;
  shortName: string;
  address: string;
  postcode: string;
  email: string;
  phone: string | null;
  website: string | null;
  demoMode: boolean;
  /** Site identity (网站标识), edited in the console (lib/agency/site-identity.ts); null = not set. */
  siteIdCode: string | null;
  icpNumber: string | null;
  publicSecurityNumber: string | null;
  sponsorName: string | null;
  operatorName: string | null;
  siteMapUrl: string | null;
  partyGovernmentBadgeUrl: string | null;
  /** The emblem's address (`/site-logo/<hash>.<ext>`), or null: the header then shows a drawn one. */
  logoUrl: string | null;
};

/** The agency's public profile (header, footer, contact). Public information: no actor needed. */
export async function findAgencyProfile(): Promise<AgencyProfile> {
  const agency = await db.agency.findFirst({ where: { isDefault: true } });
  if (!agency) throw new Error("The agency is missing: run `npm run db:seed`.");
  const { code, name, shortName, address, postcode, email, phone, website, demoMode } = agency;
  const { siteIdCode, icpNumber, publicSecurityNumber, sponsorName, operatorName, siteMapUrl, partyGovernmentBadgeUrl } = agency;
  return {
    code,
    name,
    shortName,
    address,
    postcode,
    email,
    phone,
    website,
    demoMode,
    siteIdCode,
    icpNumber,
    publicSecurityNumber,
    sponsorName,
    operatorName,
    siteMapUrl,
    partyGovernmentBadgeUrl,
    logoUrl: logoUrlOf(agency),
  };
}

/** An agency's 政务公开领导小组; the default agency's when no agency is named. */
export async function findLeadingGroup(agencyId?: number): Promise<{ name: string; position: string; groupRole: string }[]> {
  return db.leadingGroupMember.findMany({
    where: agencyId === undefined ? { agency: { isDefault: true } } : { agencyId },
    orderBy: { sortOrder: "asc" },
    select: { name: true, position: true, groupRole: true },
  });
}
