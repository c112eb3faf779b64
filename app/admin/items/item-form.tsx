"use client";

import { ActionForm, useFormState } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";
import { disclosureChannels } from "@/lib/items/channels";

const m = messages.consoleItems.fields;

export type ItemFormValues = {
  title: string;
  body: string;
  categoryId: number | "";
  issuingSectionId: number | null;
  documentNumber: string;
  writtenAt: string;
  formedAt: string;
  validity: string;
  validityDate: string;
  replacedByItemId: number | "";
  channels: string[];
  keywords: string[];
  attachments: { fileId: number; name: string }[];
  version?: number;
};

type Option = { value: string | number; label: string };

function FieldErrors({ name }: { name: string }) {
  const errors = useFormState().fields?.[name];
  return errors?.length ? <p className="mt-1 text-sm text-red-700" data-testid={`error-${name}`}>{errors.join(" ")}</p> : null;
}

function ChannelChoices({ selected }: { selected: string[] }) {
  return (
    <fieldset className="mb-4">
      <legend className="text-sm font-medium text-gray-900">{m.channels}<span className="ml-1 text-red-700" aria-hidden="true">*</span></legend>
      <div className="mt-1 flex flex-wrap gap-4">
        {disclosureChannels.map((channel) => (
          <label key={channel} className="flex items-center gap-1 text-sm">
            <input type="checkbox" name="channels" value={channel} defaultChecked={selected.includes(channel)} />
            {messages.channels[channel]}
          </label>
        ))}
      </div>
      <FieldErrors name="channels" />
    </fieldset>
  );
}

function AttachmentChoices({ attachments }: { attachments: ItemFormValues["attachments"] }) {
  return (
    <fieldset className="mb-4">
      <legend className="text-sm font-medium text-gray-900">{m.attachments}</legend>
      {attachments.length ? (
        <div className="mt-1 space-y-1">
          <p className="text-sm text-gray-700">{m.keepAttachments}</p>
          {attachments.map((attachment) => (
            <label key={attachment.fileId} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="attachmentFileIds" value={attachment.fileId} defaultChecked />
              {attachment.name}
            </label>
          ))}
        </div>
      ) : null}
      <label htmlFor="item-files" className="mt-2 block text-sm">{m.files}</label>
      <input id="item-files" type="file" name="files" multiple aria-describedby="item-files-hint" className="mt-1 block text-sm"
        accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png,.gif,.webp" />
      <p id="item-files-hint" className="mt-1 text-sm text-gray-700">{m.filesHint}</p>
      <FieldErrors name="files" />
      <FieldErrors name="attachmentFileIds" />
    </fieldset>
  );
}

export function ItemForm({
  action,
  values,
  categories,
  issuingBodies,
  submitLabel,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  values: ItemFormValues;
  categories: Option[];
  issuingBodies: Option[];
  submitLabel: string;
}) {
  const validityOptions = Object.entries(messages.validity).map(([value, label]) => ({ value, label }));
  return (
    <ActionForm action={action} aria-label={submitLabel} className="space-y-2">
      {values.version ? <input type="hidden" name="version" value={values.version} /> : null}
      <TextField name="title" label={m.title} defaultValue={values.title} required maxLength={200} />
      <div className="grid gap-x-4 md:grid-cols-2">
        <SelectField name="categoryId" label={m.categoryId} options={[{ value: "", label: "请选择" }, ...categories]} defaultValue={values.categoryId} required />
        <SelectField name="issuingSectionId" label={m.issuingSectionId} options={issuingBodies} defaultValue={values.issuingSectionId ?? "agency"} />
        <TextField name="documentNumber" label={m.documentNumber} defaultValue={values.documentNumber} hint={m.documentNumberHint} maxLength={80} />
        <TextField name="keywords" label={m.keywords} defaultValue={values.keywords.join("，")} hint={m.keywordsHint} />
        <TextField name="writtenAt" label={m.writtenAt} type="date" defaultValue={values.writtenAt} />
        <TextField name="formedAt" label={m.formedAt} type="date" defaultValue={values.formedAt} hint={m.formedAtHint} required />
        <SelectField name="validity" label={m.validity} options={validityOptions} defaultValue={values.validity} />
        <TextField name="validityDate" label={m.validityDate} type="date" defaultValue={values.validityDate} />
        <TextField name="replacedByItemId" label={m.replacedByItemId} type="number" defaultValue={values.replacedByItemId} hint={m.replacedByItemIdHint} />
      </div>
      <ChannelChoices selected={values.channels} />
      <RichTextEditor name="body" label={m.body} defaultValue={values.body} required />
      <AttachmentChoices attachments={values.attachments} />
      <SubmitButton>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
