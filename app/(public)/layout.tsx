import type { Metadata } from "next";
import { headers } from "next/headers";
import { Suspense } from "react";
import { AccessibilityToolbar } from "@/components/layout/accessibility-toolbar";
import { PublicFooter } from "@/components/layout/public-footer";
import { PublicHeader } from "@/components/layout/public-header";
import { SkipLink } from "@/components/layout/skip-link";
import { ViewedAgencySync } from "@/components/layout/viewed-agency-sync";
import { findAgencyProfile } from "@/lib/agency/find-agency";
import { columnLabel, pageMetaTags } from "@/lib/agency/page-identity";
import { siteOrigin } from "@/lib/open-data/site-url";
import { feedAlternates } from "./_lib/public-metadata";
import { findViewedAgencyOfRequest } from "./_lib/viewed-agency";

/**
 * Every public title ends with the agency's name (页面－栏目－机构名): the agency the address names
 * (集约化: `?agency=`, `/agencies/<code>`), else the site's. The emblem is the icon once uploaded.
 */
export async function generateMetadata(): Promise<Metadata> {
  const [agency, viewed] = await Promise.all([findAgencyProfile(), findViewedAgencyOfRequest()]);
  const origin = siteOrigin(await headers());
  const column = columnLabel("disclosure");
  const name = viewed.agency?.name ?? agency.name;
  return {
    metadataBase: new URL(origin),
    title: { template: `%s－${name}`, default: `${column}－${name}` },
    icons: agency.logoUrl ? { icon: [{ url: agency.logoUrl }], shortcut: [{ url: "/favicon.ico" }] } : { icon: [{ url: "/favicon.ico" }] },
    alternates: { types: feedAlternates(agency.name) },
    other: pageMetaTags(agency, { page: column, column: "disclosure" }, origin),
  };
}

/** The header names the agency the address names (集约化); its links stay the platform's. */
export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const [agency, viewed] = await Promise.all([findAgencyProfile(), findViewedAgencyOfRequest()]);
  return (
    <>
      <SkipLink />
      <AccessibilityToolbar />
      <PublicHeader agencyName={viewed.agency?.name ?? agency.name} logoUrl={agency.logoUrl} />
      <Suspense fallback={null}>
        <ViewedAgencySync renderedFor={viewed.code} />
      </Suspense>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
      <PublicFooter agency={agency} />
    </>
  );
}
