"use client";

import { ActionForm } from "@/components/forms/action-form";
import { RadioGroupField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { IndexNumberSettings } from "@/lib/agency/index-number-settings";
import { messages } from "@/lib/i18n";
import { saveIndexNumberSettingsAction } from "./actions";

const m = messages.indexNumberSettings;

export function IndexNumberSettingsForm({ settings }: { settings: IndexNumberSettings }) {
  return (
    <ActionForm action={saveIndexNumberSettingsAction} aria-label={m.title}>
      <p className="mb-3 text-sm text-gray-700">{m.intro}</p>
      <TextField
        name="organizationCode"
        label={m.fields.organizationCode}
        hint={m.fields.organizationCodeHint(settings.fallbackPrefix)}
        defaultValue={settings.organizationCode ?? ""}
        maxLength={20}
      />
      <RadioGroupField
        name="indexNumberYearBasis"
        label={m.fields.indexNumberYearBasis}
        required
        defaultValue={settings.indexNumberYearBasis}
        options={[
          { value: "written", label: m.fields.yearBases.written },
          { value: "published", label: m.fields.yearBases.published },
        ]}
      />
      <SubmitButton>{m.fields.save}</SubmitButton>
    </ActionForm>
  );
}
