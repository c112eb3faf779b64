import "server-only";
import { findAgencyByCode, findDefaultAgency, type AgencyDetails } from "@/lib/agency/agencies";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";

/**
 * The agency a public list serves (集约化): the one named by `agency=<code>`, else the default
 * agency, so that the addresses from before the platform keep their meaning. An unknown code is 404.
 */
export async function resolvePublicAgency(code: string | null | undefined): Promise<AgencyDetails> {
  if (!code) return findDefaultAgency();
  const agency = await findAgencyByCode(code);
  if (!agency) throw new NotFoundError(messages.common.notFound.agency);
  return agency;
}

/**
 * Whose records a public register list shows (集约化): the agency named by `agency=` (an unknown
 * code is 404), else the default agency's. `filtered` is false on a platform where no other agency
 * keeps a section: the list needs no agency condition then.
 */
export async function publicListScope(code: string | null | undefined): Promise<{ agencyId: number; filtered: boolean }> {
  const agency = await resolvePublicAgency(code);
  return { agencyId: agency.id, filtered: await needsAgencyFilter(agency.id) };
}

/** `resolvePublicAgency` for a page: null for an unknown code (the page answers 404). */
export async function findPublicAgency(code: string | string[] | null | undefined): Promise<AgencyDetails | null> {
  if (Array.isArray(code)) return null;
  return code ? findAgencyByCode(code) : findDefaultAgency();
}

/** The query that keeps a public address on an agency: none for the default agency (its addresses have none). */
export function agencyQuery(agency: Pick<AgencyDetails, "code" | "isDefault">): string {
  return agency.isDefault ? "" : `?agency=${encodeURIComponent(agency.code)}`;
}

/**
 * Whether records must be filtered by their section's agency to show only `agencyId`'s: not while
 * no other agency keeps a section (a platform of one agency), which spares the big lists a join.
 */
export async function needsAgencyFilter(agencyId: number): Promise<boolean> {
  return (await db.section.count({ where: { agencyId: { not: agencyId } } })) > 0;
}

/**
 * The agency the public header names (集约化): the one an address names (`?agency=`, `/agencies/<code>`;
 * lib/agency/agency-address.ts), unless it is the default agency or no agency has that code — the
 * platform's own name is shown then.
 */
export async function findViewedAgency(code: string | null | undefined): Promise<AgencyDetails | null> {
  if (!code) return null;
  const agency = await findAgencyByCode(code);
  return agency && !agency.isDefault ? agency : null;
}
