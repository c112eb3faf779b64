import type { Metadata } from "next";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { findIndexNumberSettings } from "@/lib/agency/index-number-settings";
import { findSiteIdentitySettings, maxLogoMegabytes } from "@/lib/agency/site-identity";
import { requirePageUser } from "@/lib/auth/page-guard";
import { messages } from "@/lib/i18n";
import { IndexNumberSettingsForm } from "./index-number-form";
import { SiteIdentityForm } from "./site-identity-form";

export const metadata: Metadata = { title: messages.siteIdentity.title };

const m = messages.siteIdentity;

export default async function SiteIdentityPage() {
  const actor = await requirePageUser("site_identity.manage");
  const [settings, indexNumberSettings] = await Promise.all([findSiteIdentitySettings(actor), findIndexNumberSettings(actor)]);
  return (
    <div className="space-y-6">
      <PageHeader title={m.title} description={m.intro} />
      <Panel id="site-identity" title={m.nav}>
        <SiteIdentityForm settings={settings} maxLogoMegabytes={maxLogoMegabytes} />
      </Panel>
      <Panel id="index-number" title={messages.indexNumberSettings.title}>
        <IndexNumberSettingsForm settings={indexNumberSettings} />
      </Panel>
    </div>
  );
}
