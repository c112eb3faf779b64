import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { publicMetadata } from "@/app/(public)/_lib/public-metadata";
import { findAgencyByCode, type AgencyDetails } from "@/lib/agency/agencies";
import { findLeadingGroup } from "@/lib/agency/find-agency";
import { agencyQuery } from "@/lib/agency/public-agency";
import { messages } from "@/lib/i18n";
import { feedPath } from "@/lib/open-data/feed-paths";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }> };

const m = messages.agencies;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const agency = await findAgencyByCode((await params).code);
  if (!agency) return publicMetadata({ page: messages.errors.notFoundTitle, column: "disclosure" });
  // The layout ends the title with the agency's name (the address names it); the column advertises
  // the agency's own feeds (`/feeds/rss.xml?agency=CODE`).
  return publicMetadata({ page: m.directory.pageTitle, column: "disclosure", columnName: m.directory.column(agency.name) }, { feeds: { agency } });
}

/**
 * Where an agency's column leads: the public pages with `?agency=CODE` (集约化), which serve that
 * agency's guide, catalogue, reports and application form (the default agency's need no query).
 */
function columnLinks(agency: AgencyDetails): { href: string; label: string }[] {
  const links = m.directory.links;
  return [
    { href: `/catalogue/guide${agencyQuery(agency)}`, label: links.guide },
    { href: `/catalogue/statutory${agencyQuery(agency)}`, label: links.catalogue },
    { href: `/reports/annual${agencyQuery(agency)}`, label: links.reports },
    // The application form with this agency chosen (集约化: each agency receives its own applications).
    { href: `/apply${agencyQuery(agency)}`, label: links.apply },
  ];
}

/** The agency's registers (集约化): each list with `?agency=CODE`, showing only this agency's records. */
function registerLinks(agency: AgencyDetails): { href: string; label: string }[] {
  const r = messages.registers;
  return [
    { href: `/powers${agencyQuery(agency)}`, label: r.powers.title },
    { href: `/services${agencyQuery(agency)}`, label: r.services.title },
    { href: `/decisions${agencyQuery(agency)}`, label: r.decisions.title },
    { href: `/inspections${agencyQuery(agency)}`, label: messages.inspections.title },
    { href: `/proposals${agencyQuery(agency)}`, label: messages.proposals.public.title },
  ];
}

/** One agency's 政府信息公开 column: its name, the way into its disclosure, its contact and its leading group. */
export default async function AgencyColumnPage({ params }: Props) {
  const agency = await findAgencyByCode((await params).code);
  if (!agency) notFound();
  const group = await findLeadingGroup(agency.id);
  const f = m.fields;
  const contact: [label: string, value: React.ReactNode][] = [
    [f.address, agency.address],
    [f.postcode, agency.postcode],
    [f.phone, agency.phone],
    [
      f.email,
      <a key="email" href={`mailto:${agency.email}`}>
        {agency.email}
      </a>,
    ],
    [f.website, agency.website],
    [f.officeHours, agency.officeHours],
    [f.disclosureOffice, agency.disclosureOffice],
  ];
  return (
    <div className="space-y-6">
      <nav aria-label={messages.common.breadcrumb} className="text-sm text-gray-700">
        <Link href="/">{messages.site.home}</Link> › <Link href="/agencies">{m.directory.breadcrumb}</Link> › <span aria-current="page">{agency.name}</span>
      </nav>
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="agency-title">
        <p className="text-sm tracking-widest text-red-800">{m.directoryGroups[agency.kind]}</p>
        <h1 id="agency-title" className="mt-1 text-2xl font-bold">
          {agency.name}
        </h1>
        <p className="mt-1 text-gray-700">{m.directory.column(agency.name)}</p>
      </section>
      <nav aria-label={m.directory.column(agency.name)}>
        <ul className="grid grid-cols-2 gap-3 md:grid-cols-4">
          {columnLinks(agency).map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                className="block h-full rounded border border-red-800 bg-white px-4 py-4 text-center font-semibold text-red-900 hover:bg-red-50"
              >
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-labelledby="agency-registers" className="rounded border border-gray-300 bg-white p-6">
        <h2 id="agency-registers" className="mb-3 border-l-4 border-red-800 pl-3 text-lg font-semibold">
          {m.directory.registers}
        </h2>
        <ul className="flex flex-wrap gap-3" data-testid="agency-column-registers">
          {registerLinks(agency).map((link) => (
            <li key={link.href}>
              <Link href={link.href} className="inline-block rounded border border-red-800 bg-red-50 px-3 py-2 font-medium text-red-900">
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="text-sm text-gray-700" data-testid="agency-column-feeds">
        {m.directory.feeds}
        <a href={feedPath("rss.xml", { agencyCode: agency.code })} className="ml-2 text-red-900">
          {m.directory.feedRss}
        </a>
        <a href={feedPath("atom.xml", { agencyCode: agency.code })} className="ml-3 text-red-900">
          {m.directory.feedAtom}
        </a>
      </p>
      <div className="grid gap-6 md:grid-cols-3">
        <section className="rounded border border-gray-300 bg-white p-6 md:col-span-2" aria-labelledby="agency-contact-title">
          <h2 id="agency-contact-title" className="mb-3 border-l-4 border-red-800 pl-3 text-lg font-semibold">
            {m.directory.contact}
          </h2>
          <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]" data-testid="agency-column-contact">
            {contact
              .filter(([, value]) => value)
              .map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="font-medium text-gray-700 sm:text-right">{label}</dt>
                  <dd className="mb-2 break-words sm:mb-0">{value}</dd>
                </div>
              ))}
          </dl>
        </section>
        <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="agency-leading-group">
          <h2 id="agency-leading-group" className="mb-3 border-l-4 border-red-800 pl-3 text-lg font-semibold">
            {m.leadingGroupTitle}
          </h2>
          {group.length ? (
            <ul className="space-y-1 text-sm" data-testid="agency-column-leading-group">
              {group.map((member, index) => (
                <li key={index}>
                  {member.groupRole}：{member.name}（{member.position}）
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-gray-700">{m.directory.noLeadingGroup}</p>
          )}
        </section>
      </div>
    </div>
  );
}
