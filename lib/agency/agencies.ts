import "server-only";
import { agencyCodePattern, normaliseAgencyCode } from "@/lib/agency/agency-address";
import { db, type DatabaseTransaction } from "@/lib/db";
import type { AgencyKind } from "@/lib/generated/prisma/enums";

export type { AgencyKind };
export const agencyKinds = ["government", "office", "department", "town"] as const satisfies readonly AgencyKind[];

/** One agency as the public directory and `GET /api/v1/agencies` show it. */
export type AgencySummary = {
  code: string;
  name: string;
  shortName: string;
  parentCode: string | null;
  kind: AgencyKind;
};

/** An agency's column header and its contact (指南's 政府信息公开工作机构). Public information. */
export type AgencyDetails = AgencySummary & {
  id: number;
  isDefault: boolean;
  address: string;
  postcode: string;
  email: string;
  phone: string | null;
  website: string | null;
  officeHours: string | null;
  disclosureOffice: string | null;
  organizationCode: string | null;
  sortOrder: number;
};

const detailsSelect = {
  id: true,
  code: true,
  name: true,
  shortName: true,
  kind: true,
  isDefault: true,
  address: true,
  postcode: true,
  email: true,
  phone: true,
  website: true,
  officeHours: true,
  disclosureOffice: true,
  organizationCode: true,
  sortOrder: true,
  parent: { select: { code: true } },
} as const;

type SelectedAgency = { parent: { code: string } | null; isDefault: boolean | null } & Omit<AgencyDetails, "parentCode" | "isDefault">;

function toDetails({ parent, isDefault, ...agency }: SelectedAgency): AgencyDetails {
  return { ...agency, isDefault: isDefault === true, parentCode: parent?.code ?? null };
}

export function toSummary(agency: AgencyDetails): AgencySummary {
  return { code: agency.code, name: agency.name, shortName: agency.shortName, parentCode: agency.parentCode, kind: agency.kind };
}

/** Every agency of the platform, the government first, then by kind and the order set for them. */
export async function listAgencies(): Promise<AgencyDetails[]> {
  const agencies = await db.agency.findMany({ select: detailsSelect, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
  const kindOrder = new Map(agencyKinds.map((kind, index) => [kind, index]));
  return agencies.map(toDetails).sort((a, b) => kindOrder.get(a.kind)! - kindOrder.get(b.kind)!);
}

/** How many agencies the platform holds (1: a platform of one agency, as before 集约化). */
export function countAgencies(): Promise<number> {
  return db.agency.count();
}

// The code's shape lives with the addresses (no database there: the proxy reads it too).
export { agencyCodePattern, normaliseAgencyCode } from "@/lib/agency/agency-address";

/** The agency of a code; null for a code no agency can have (never sent to the database: a NUL byte is a 500 there). */
export async function findAgencyByCode(code: string): Promise<AgencyDetails | null> {
  const normalised = normaliseAgencyCode(code);
  if (!agencyCodePattern.test(normalised)) return null;
  const agency = await db.agency.findUnique({ where: { code: normalised }, select: detailsSelect });
  return agency ? toDetails(agency) : null;
}

export async function findAgencyById(id: number): Promise<AgencyDetails | null> {
  const agency = await db.agency.findUnique({ where: { id }, select: detailsSelect });
  return agency ? toDetails(agency) : null;
}

/** The agency the single-agency addresses serve (the one agency of a database from before 集约化). */
export async function findDefaultAgency(client: Pick<DatabaseTransaction, "agency"> = db): Promise<AgencyDetails> {
  const agency = await client.agency.findFirst({ where: { isDefault: true }, select: detailsSelect });
  if (!agency) throw new Error("The default agency is missing: run `npm run db:seed`.");
  return toDetails(agency);
}

/** The platform's government (本级政府): the root of the tree; the default agency when there is none. */
export async function findPlatformGovernment(): Promise<AgencyDetails> {
  const government = await db.agency.findFirst({ where: { parentId: null, kind: "government" }, select: detailsSelect, orderBy: { id: "asc" } });
  return government ? toDetails(government) : findDefaultAgency();
}
