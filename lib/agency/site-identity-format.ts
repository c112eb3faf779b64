/** Pure helpers of the site identity, shared by the data layer and the header and footer. */

/** The text settings of the site identity, as columns of Agency. */
export const siteIdentityFields = [
  "siteIdCode",
  "icpNumber",
  "publicSecurityNumber",
  "sponsorName",
  "operatorName",
  "siteMapUrl",
  "partyGovernmentBadgeUrl",
] as const;
export type SiteIdentityField = (typeof siteIdentityFields)[number];

/** Where every ICP record number links: the MIIT record query (工业和信息化部政务服务平台). */
export const icpQueryUrl = "https://beian.miit.gov.cn/";

/** The public security record's own page on the national internet security management platform. */
export function publicSecurityQueryUrl(recordNumber: string): string {
  const code = recordNumber.replace(/\D/g, "");
  return `https://beian.mps.gov.cn/#/query/webSearch?code=${code}`;
}

const extensions: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };

/** The emblem's public address, named by its content hash (a new emblem is a new address), or null. */
export function logoUrlOf(agency: { logoStoragePath: string | null; logoMimeType: string | null; logoSha256: string | null }): string | null {
  if (!agency.logoStoragePath || !agency.logoMimeType || !agency.logoSha256) return null;
  const extension = extensions[agency.logoMimeType];
  return extension ? `/site-logo/${agency.logoSha256.slice(0, 16)}.${extension}` : null;
}
