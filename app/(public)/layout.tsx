import { AccessibilityToolbar } from "@/components/layout/accessibility-toolbar";
import { PublicFooter } from "@/components/layout/public-footer";
import { PublicHeader } from "@/components/layout/public-header";
import { SkipLink } from "@/components/layout/skip-link";
import { findAgencyProfile } from "@/lib/agency/find-agency";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const agency = await findAgencyProfile();
  return (
    <>
      <SkipLink />
      <AccessibilityToolbar />
      <PublicHeader agencyName={agency.name} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
      <PublicFooter agency={agency} />
    </>
  );
}
