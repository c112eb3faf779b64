import "server-only";
import { db } from "@/lib/db";

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
};

/** The agency's public profile (header, footer, contact). Public information: no actor needed. */
export async function findAgencyProfile(): Promise<AgencyProfile> {
  const agency = await db.agency.findFirst({ orderBy: { id: "asc" } });
  if (!agency) throw new Error("The agency is missing: run `npm run db:seed`.");
  const { code, name, shortName, address, postcode, email, phone, website, demoMode } = agency;
  return { code, name, shortName, address, postcode, email, phone, website, demoMode };
}

export async function findLeadingGroup(): Promise<{ name: string; position: string; groupRole: string }[]> {
  return db.leadingGroupMember.findMany({ orderBy: { sortOrder: "asc" }, select: { name: true, position: true, groupRole: true } });
}
