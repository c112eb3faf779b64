import type { Metadata } from "next";
import { headers } from "next/headers";
import { AccessibilityToolbar } from "@/components/layout/accessibility-toolbar";
import { PublicFooter } from "@/components/layout/public-footer";
import { PublicHeader } from "@/components/layout/public-header";
import { SkipLink } from "@/components/layout/skip-link";
import { findAgencyProfile } from "@/lib/agency/find-agency";
import { columnLabel, pageMetaTags } from "@/lib/agency/page-identity";
import { siteOrigin } from "@/lib/open-data/site-url";
import { feedAlternates } from "./_lib/public-metadata";

/** Every public title ends with the agency's name (页面－栏目－机构名); the emblem is the icon once uploaded. */
export async function generateMetadata(): Promise<Metadata> {
  const agency = await findAgencyProfile();
  const origin = siteOrigin(await headers());
  const column = columnLabel("disclosure");
  return {
    metadataBase: new URL(origin),
    title: { template: `%s－${agency.name}`, default: `${column}－${agency.name}` },
    icons: agency.logoUrl ? { icon: [{ url: agency.logoUrl }], shortcut: [{ url: "/favicon.ico" }] } : { icon: [{ url: "/favicon.ico" }] },
    alternates: { types: feedAlternates(agency.name) },
    other: pageMetaTags(agency, { page: column, column: "disclosure" }, origin),
  };
}

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const agency = await findAgencyProfile();
  return (
    <>
      <SkipLink />
      <AccessibilityToolbar />
      <PublicHeader agencyName={agency.name} logoUrl={agency.logoUrl} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
      <PublicFooter agency={agency} />
    </>
  );
}
