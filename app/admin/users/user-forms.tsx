"use client";

import { ConfirmDialog } from "@/components/console/confirm-dialog";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { roles } from "@/lib/auth/roles";
import { messages } from "@/lib/i18n";
import { createUserAction, endDemoModeAction, resetPasswordAction, setDisabledAction, updateUserAction } from "./actions";

type SectionOption = { id: number; name: string };
const m = messages.users;
const roleOptions = roles.map((role) => ({ value: role, label: messages.roles[role] }));
const sectionOptions = (sections: SectionOption[]) => sections.map((section) => ({ value: section.id, label: section.name }));

export function CreateUserForm({ sections }: { sections: SectionOption[] }) {
  return (
    <ActionForm action={createUserAction} resetOnSuccess aria-label={m.create}>
      <div className="grid gap-x-4 md:grid-cols-2">
        <TextField name="username" label={m.username} required autoComplete="off" />
        <TextField name="displayName" label={m.displayName} required />
        <SelectField name="role" label={m.role} options={roleOptions} defaultValue="staff" required />
        <SelectField name="sectionId" label={m.section} options={sectionOptions(sections)} required />
        <TextField name="password" label={m.password} type="password" autoComplete="new-password" required hint={messages.kit.atLeastEightCharacters} />
      </div>
      <SubmitButton>{m.create}</SubmitButton>
    </ActionForm>
  );
}

type EditableUser = { id: number; displayName: string; role: string; sectionId: number; disabled: boolean };

export function EditUserForm({ user, sections }: { user: EditableUser; sections: SectionOption[] }) {
  return (
    <ActionForm action={updateUserAction.bind(null, user.id)} aria-label={m.edit}>
      <TextField name="displayName" label={m.displayName} defaultValue={user.displayName} required />
      <SelectField name="role" label={m.role} options={roleOptions} defaultValue={user.role} required />
      <SelectField name="sectionId" label={m.section} options={sectionOptions(sections)} defaultValue={user.sectionId} required />
      <SubmitButton>{m.save}</SubmitButton>
    </ActionForm>
  );
}

export function ResetPasswordForm({ userId }: { userId: number }) {
  return (
    <ActionForm action={resetPasswordAction.bind(null, userId)} resetOnSuccess aria-label={m.resetPassword}>
      <TextField name="password" label={m.newPassword} type="password" autoComplete="new-password" required hint={messages.kit.atLeastEightCharacters} />
      <SubmitButton variant="secondary">{m.resetPassword}</SubmitButton>
    </ActionForm>
  );
}

export function DisableUserForm({ user }: { user: EditableUser }) {
  return (
    <ActionForm action={setDisabledAction.bind(null, user.id, !user.disabled)} aria-label={user.disabled ? m.enable : m.disable}>
      <SubmitButton variant={user.disabled ? "secondary" : "danger"}>{user.disabled ? m.enable : m.disable}</SubmitButton>
    </ActionForm>
  );
}

/** Ending demo mode disables accounts: it takes a ticked confirmation, which the data layer insists on. */
export function EndDemoModeForm() {
  return <ConfirmDialog action={endDemoModeAction} label={m.endDemoMode} acknowledge={m.demoModeConfirm} />;
}
