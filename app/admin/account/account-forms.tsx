"use client";

import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { apiTokenLifetimes, DEFAULT_API_TOKEN_LIFETIME } from "@/lib/auth/token-options";
import { messages } from "@/lib/i18n";
import type { NotificationPreferences } from "@/lib/notifications/preferences";
import { changePasswordAction, createTokenAction, revokeTokenAction, updateNotificationPreferencesAction } from "./actions";

const m = messages.account;

export function ChangePasswordForm() {
  return (
    <ActionForm action={changePasswordAction} resetOnSuccess aria-label={m.changePassword}>
      <TextField name="currentPassword" label={m.currentPassword} type="password" autoComplete="current-password" required />
      <TextField name="newPassword" label={m.newPassword} type="password" autoComplete="new-password" required hint={messages.kit.atLeastEightCharacters} />
      <TextField name="confirmPassword" label={m.confirmPassword} type="password" autoComplete="new-password" required />
      <SubmitButton>{m.changePassword}</SubmitButton>
    </ActionForm>
  );
}

export function CreateTokenForm() {
  return (
    <ActionForm action={createTokenAction} resetOnSuccess aria-label={m.createToken}>
      <TextField name="name" label={m.tokenName} required maxLength={60} />
      <div className="grid gap-x-4 md:grid-cols-2">
        <SelectField
          name="scope"
          label={m.tokenScope}
          required
          defaultValue="read"
          options={[
            { value: "read", label: m.scopes.read },
            { value: "read_write", label: m.scopes.read_write },
          ]}
        />
        <SelectField
          name="lifetimeDays"
          label={m.tokenLifetime}
          required
          defaultValue={DEFAULT_API_TOKEN_LIFETIME}
          options={apiTokenLifetimes.map((days) => ({ value: days, label: m.lifetimeDays(days) }))}
        />
      </div>
      <SubmitButton>{m.createToken}</SubmitButton>
    </ActionForm>
  );
}

export function RevokeTokenForm({ tokenId, name }: { tokenId: number; name: string }) {
  return (
    <ActionForm action={revokeTokenAction.bind(null, tokenId)} aria-label={`${m.revoke} ${name}`}>
      <SubmitButton variant="danger">{m.revoke}</SubmitButton>
    </ActionForm>
  );
}

export function NotificationPreferencesForm({ preferences }: { preferences: NotificationPreferences }) {
  const n = messages.notifications.preferences;
  return (
    <ActionForm action={updateNotificationPreferencesAction} aria-label={n.title}>
      <TextField name="email" label={n.email} type="email" autoComplete="email" maxLength={254} defaultValue={preferences.email ?? ""} />
      <div className="grid gap-x-4 md:grid-cols-2">
        <SelectField
          name="emailMode"
          label={n.emailMode}
          required
          defaultValue={preferences.emailMode}
          options={(["off", "immediate", "digest"] as const).map((mode) => ({ value: mode, label: n.modes[mode] }))}
        />
        <TextField name="digestHour" label={n.digestHour} type="number" inputMode="numeric" min={0} max={23} defaultValue={preferences.digestHour} />
      </div>
      <SubmitButton>{n.save}</SubmitButton>
    </ActionForm>
  );
}
