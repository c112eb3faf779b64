"use client";

import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField, FileField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { SiteIdentitySettings } from "@/lib/agency/site-identity";
import { messages } from "@/lib/i18n";
import { saveSiteIdentityAction } from "./actions";

const f = messages.siteIdentity.fields;

export function SiteIdentityForm({ settings, maxLogoMegabytes }: { settings: SiteIdentitySettings; maxLogoMegabytes: number }) {
  return (
    <ActionForm action={saveSiteIdentityAction} aria-label={messages.siteIdentity.title}>
      <div className="mb-4">
        <p className="text-sm font-medium text-gray-900">{f.currentLogo}</p>
        {settings.logoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- a small stored image served by our own route
          <img
            src={settings.logoUrl}
            alt={f.currentLogo}
            className="mt-1 h-16 w-auto rounded border border-gray-300 bg-gray-50 p-1"
            data-testid="current-logo"
          />
        ) : (
          <p className="mt-1 text-sm text-gray-700">{f.noLogo}</p>
        )}
      </div>
      <FileField name="logo" label={f.logo} hint={f.logoHint(maxLogoMegabytes)} accept="image/png,image/jpeg,image/webp" />
      {settings.logoUrl ? <CheckboxField name="removeLogo" label={f.removeLogo} /> : null}
      <TextField name="siteIdCode" label={f.siteIdCode} hint={f.siteIdCodeHint} defaultValue={settings.siteIdCode ?? ""} maxLength={10} />
      <TextField name="icpNumber" label={f.icpNumber} hint={f.icpNumberHint} defaultValue={settings.icpNumber ?? ""} maxLength={40} />
      <TextField
        name="publicSecurityNumber"
        label={f.publicSecurityNumber}
        hint={f.publicSecurityNumberHint}
        defaultValue={settings.publicSecurityNumber ?? ""}
        maxLength={40}
      />
      <TextField name="sponsorName" label={f.sponsorName} defaultValue={settings.sponsorName ?? ""} maxLength={100} />
      <TextField name="operatorName" label={f.operatorName} hint={f.operatorNameHint} defaultValue={settings.operatorName ?? ""} maxLength={100} />
      <TextField name="siteMapUrl" label={f.siteMapUrl} hint={f.siteMapUrlHint} defaultValue={settings.siteMapUrl ?? ""} maxLength={500} />
      <TextField
        name="partyGovernmentBadgeUrl"
        label={f.partyGovernmentBadgeUrl}
        hint={f.partyGovernmentBadgeUrlHint}
        defaultValue={settings.partyGovernmentBadgeUrl ?? ""}
        maxLength={500}
      />
      <SubmitButton>{f.save}</SubmitButton>
    </ActionForm>
  );
}
