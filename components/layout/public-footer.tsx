import type { AgencyProfile } from "@/lib/agency/find-agency";
import { icpQueryUrl, publicSecurityQueryUrl } from "@/lib/agency/site-identity-format";
import { messages } from "@/lib/i18n";

/** The police badge drawn beside the 公安机关备案号 (a shield), so no third-party image is loaded. */
function PublicSecurityBadge() {
  return (
    <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" className="mr-1 inline-block align-[-3px]">
      <path d="M10 1 3 3.5v5.3c0 4.4 3 8.3 7 9.7 4-1.4 7-5.3 7-9.7V3.5z" fill="#1f4e9c" />
      <path d="m10 5 1.2 2.6 2.8.3-2.1 1.9.6 2.8L10 11.2l-2.5 1.4.6-2.8L6 7.9l2.8-.3z" fill="#f5c518" />
    </svg>
  );
}

/**
 * The footer of a Chinese government website, in its conventional order: site map and contact,
 * 主办/承办单位, then 网站标识码 and the two record numbers, the 党政机关 badge beside them.
 */
export function PublicFooter({ agency }: { agency: AgencyProfile }) {
  const m = messages.site;
  const f = messages.siteIdentity.footer;
  return (
    <footer className="mt-10 border-t-4 border-red-800 bg-white">
      {/* As on government sites: the lines centred, the 党政机关 badge to their left (above them on a phone). */}
      <div className="mx-auto flex max-w-6xl flex-col items-center gap-4 px-4 py-6 text-center text-sm text-gray-800 sm:flex-row sm:justify-center sm:gap-8">
        {agency.partyGovernmentBadgeUrl ? (
          <a
            href={agency.partyGovernmentBadgeUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="shrink-0"
            data-testid="party-government-badge"
            aria-label={f.partyGovernmentBadgeLabel}
            title={f.partyGovernmentBadgeLabel}
          >
            <PartyGovernmentBadge />
          </a>
        ) : null}
        <div className="space-y-2">
          <p className="space-x-3">
            {/* The agency's own site map when it names one, else the one the product keeps (/site-map). */}
            <a href={agency.siteMapUrl ?? "/site-map"} data-testid="site-map-link">
              {f.siteMap}
            </a>
            <a href="#agency-contact">{f.contact}</a>
          </p>
          {agency.sponsorName || agency.operatorName ? (
            <p data-testid="site-sponsor">
              {agency.sponsorName ? (
                <span className="mx-2 inline-block">
                  {f.sponsor}：{agency.sponsorName}
                </span>
              ) : null}
              {agency.operatorName ? (
                <span className="mx-2 inline-block">
                  {f.operator}：{agency.operatorName}
                </span>
              ) : null}
            </p>
          ) : null}
          <p className="flex flex-wrap justify-center gap-x-4 gap-y-1" data-testid="site-records">
            {agency.siteIdCode ? (
              <span>
                {f.siteIdCode}：{agency.siteIdCode}
              </span>
            ) : null}
            {agency.icpNumber ? (
              <a href={icpQueryUrl} target="_blank" rel="noopener noreferrer" data-testid="icp-number">
                {agency.icpNumber}
              </a>
            ) : null}
            {agency.publicSecurityNumber ? (
              <a href={publicSecurityQueryUrl(agency.publicSecurityNumber)} target="_blank" rel="noopener noreferrer" data-testid="public-security-number">
                <PublicSecurityBadge />
                {agency.publicSecurityNumber}
              </a>
            ) : null}
          </p>
          <address id="agency-contact" className="not-italic" data-testid="agency-contact">
            <p>
              {agency.name}　{m.address}：{agency.address}　{m.postcode}：{agency.postcode}
            </p>
            <p>
              {agency.phone ? (
                <>
                  {f.phone}：{agency.phone}　
                </>
              ) : null}
              {m.email}：<a href={`mailto:${agency.email}`}>{agency.email}</a>
              {agency.website ? (
                <>
                  　{m.website}：{agency.website}
                </>
              ) : null}
            </p>
          </address>
          <p className="text-gray-700">
            {m.copyright} © {agency.name}
          </p>
        </div>
      </div>
    </footer>
  );
}

/**
 * The 党政机关网站标识 as the footer shows it: the red seal with 党政机关 in white, drawn here so no
 * third-party script or image is loaded (the official snippet loads one from conac.cn).
 */
function PartyGovernmentBadge() {
  const f = messages.siteIdentity.footer;
  return (
    <svg viewBox="0 0 60 72" width="50" height="60" aria-hidden="true" className="block">
      <path d="M30 2 56 12v22c0 17-11 29-26 36C15 63 4 51 4 34V12z" fill="#c8161d" stroke="#f2c14e" strokeWidth="2" />
      <text x="30" y="33" textAnchor="middle" fontSize="13" fontWeight="700" fill="#fff">
        {f.partyGovernmentBadge.slice(0, 2)}
      </text>
      <text x="30" y="50" textAnchor="middle" fontSize="13" fontWeight="700" fill="#fff">
        {f.partyGovernmentBadge.slice(2)}
      </text>
    </svg>
  );
}
