/**
 * Which agency a public address is about (集约化), without the database: shared by the proxy, which
 * tells the public layout through a request header, the client-side check that the header shown is
 * still the address's, and the pages that keep `?agency=` on their links.
 */

/** What an agency code looks like (lib/agency/manage-agencies.ts checks it when an agency is made). */
export const agencyCodePattern = /^[A-Z0-9][A-Z0-9-]{1,31}$/;

/**
 * The request header through which proxy.ts tells the public layout the agency being viewed. Only
 * the proxy sets it: a copy sent by the client is removed first.
 */
export const VIEWED_AGENCY_HEADER = "x-gongkai-agency";

/** Codes are written in upper case; an address may carry them in any case (anything but text matches no agency). */
export function normaliseAgencyCode(code: string): string {
  return typeof code === "string" ? code.normalize("NFKC").trim().toUpperCase() : "";
}

/**
 * The agency code an address names: `?agency=<code>` on any page, or the `<code>` of
 * `/agencies/<code>[/…]`; null when it names none or a code no agency can have. Whether such an
 * agency exists is for the layout to ask.
 */
export function viewedAgencyCode(pathname: string, search: URLSearchParams): string | null {
  const column = /^\/agencies\/([^/]+)/.exec(pathname);
  let raw: string | null = search.get("agency");
  if (column) {
    try {
      raw = decodeURIComponent(column[1]);
    } catch {
      return null;
    }
  }
  if (!raw) return null;
  const code = normaliseAgencyCode(raw);
  return agencyCodePattern.test(code) ? code : null;
}

/** An agency as the addresses need it: the default agency's addresses carry no `agency=`. */
export type AddressedAgency = { code: string; isDefault: boolean };

/** `href` kept on `agency`: `agency=<code>` added to its query, unless the agency is the default one. */
export function agencyHref(href: string, agency: AddressedAgency): string {
  if (agency.isDefault) return href;
  const hashAt = href.indexOf("#");
  const [path, hash] = hashAt === -1 ? [href, ""] : [href.slice(0, hashAt), href.slice(hashAt)];
  return `${path}${path.includes("?") ? "&" : "?"}agency=${encodeURIComponent(agency.code)}${hash}`;
}

/** The `agency` query parameter for a form's hidden input or a pagination query: none for the default agency. */
export function agencyParameter(agency: AddressedAgency): string | undefined {
  return agency.isDefault ? undefined : agency.code;
}
