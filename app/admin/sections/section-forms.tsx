"use client";

import { ConfirmDialog } from "@/components/console/confirm-dialog";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { messages } from "@/lib/i18n";
import { addSectionWebhookAction, createSectionAction, removeSectionWebhookAction, renameSectionAction } from "./actions";

const m = messages.sections;

export function CreateSectionForm() {
  return (
    <ActionForm action={createSectionAction} resetOnSuccess aria-label={m.create}>
      <div className="grid gap-x-4 md:grid-cols-2">
        <TextField name="name" label={m.name} required maxLength={40} />
        <TextField name="sortOrder" label={m.sortOrder} type="number" defaultValue={0} />
      </div>
      <SubmitButton>{m.create}</SubmitButton>
    </ActionForm>
  );
}

export function RenameSectionForm({ section }: { section: { id: number; name: string; sortOrder: number } }) {
  return (
    <ActionForm action={renameSectionAction.bind(null, section.id)} aria-label={`${m.rename} ${section.name}`} className="flex flex-wrap items-end gap-3">
      <TextField name="name" label={m.name} defaultValue={section.name} required maxLength={40} />
      <TextField name="sortOrder" label={m.sortOrder} type="number" defaultValue={section.sortOrder} />
      <div className="mb-4">
        <SubmitButton variant="secondary">{m.rename}</SubmitButton>
      </div>
    </ActionForm>
  );
}

const w = messages.notifications.webhooks;

export function AddSectionWebhookForm({ section }: { section: { id: number; name: string } }) {
  return (
    <ActionForm action={addSectionWebhookAction.bind(null, section.id)} resetOnSuccess aria-label={`${w.add}：${section.name}`}>
      <div className="grid gap-x-4 md:grid-cols-3">
        <SelectField
          name="kind"
          label={w.kind}
          required
          defaultValue="wecom"
          options={(["wecom", "dingtalk"] as const).map((kind) => ({ value: kind, label: w.kinds[kind] }))}
        />
        <div className="md:col-span-2">
          <TextField name="url" label={w.url} type="url" maxLength={2000} required />
        </div>
      </div>
      <TextField name="secret" label={w.secret} type="password" autoComplete="off" maxLength={200} />
      <SubmitButton variant="secondary">{w.add}</SubmitButton>
    </ActionForm>
  );
}

export function RemoveSectionWebhookForm({ webhook }: { webhook: { id: number; address: string } }) {
  return (
    <ConfirmDialog
      action={removeSectionWebhookAction.bind(null, webhook.id)}
      label={w.remove}
      ariaLabel={`${w.remove} ${webhook.address}`}
      question={messages.kit.confirmQuestion(w.remove, webhook.address)}
    />
  );
}
