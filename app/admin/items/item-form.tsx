"use client";

import { RichTextEditor } from "@/components/editor/rich-text-editor";
import { ActionForm } from "@/components/forms/action-form";
import { AttachmentsField } from "@/components/forms/attachments-field";
import { CheckboxGroupField, DateField, SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";
import { disclosureChannels } from "@/lib/items/channels";

const m = messages.consoleItems.fields;

export type ItemFormValues = {
  title: string;
  body: string;
  categoryId: number | "";
  issuingSectionId: number | null;
  externalIssuingBody: string;
  documentNumber: string;
  writtenAt: string;
  formedAt: string;
  validity: string;
  validityDate: string;
  replacedByItemId: number | "";
  interpretedItemId: number | "";
  channels: string[];
  keywords: string[];
  attachments: { fileId: number; name: string }[];
  version?: number;
};

type Option = { value: string | number; label: string };

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
        <SelectField name="categoryId" label={m.categoryId} placeholder={messages.kit.choose} options={categories} defaultValue={values.categoryId} required />
        <SelectField name="issuingSectionId" label={m.issuingSectionId} options={issuingBodies} defaultValue={values.issuingSectionId ?? "agency"} />
        <TextField
          name="externalIssuingBody"
          label={m.externalIssuingBody}
          defaultValue={values.externalIssuingBody}
          hint={m.externalIssuingBodyHint}
          maxLength={100}
        />
        <TextField name="documentNumber" label={m.documentNumber} defaultValue={values.documentNumber} hint={m.documentNumberHint} maxLength={80} />
        <TextField name="keywords" label={m.keywords} defaultValue={values.keywords.join("，")} hint={m.keywordsHint} />
        <DateField name="writtenAt" label={m.writtenAt} defaultValue={values.writtenAt} />
        <DateField name="formedAt" label={m.formedAt} defaultValue={values.formedAt} hint={m.formedAtHint} required />
        <SelectField name="validity" label={m.validity} options={validityOptions} defaultValue={values.validity} />
        <DateField name="validityDate" label={m.validityDate} defaultValue={values.validityDate} />
        <TextField name="replacedByItemId" label={m.replacedByItemId} type="number" defaultValue={values.replacedByItemId} hint={m.replacedByItemIdHint} />
        <TextField name="interpretedItemId" label={m.interpretedItemId} type="number" defaultValue={values.interpretedItemId} hint={m.interpretedItemIdHint} />
      </div>
      <CheckboxGroupField
        name="channels"
        label={m.channels}
        required
        selected={values.channels}
        options={disclosureChannels.map((channel) => ({ value: channel, label: messages.channels[channel] }))}
      />
      <RichTextEditor name="body" label={m.body} defaultValue={values.body} required />
      <AttachmentsField
        legend={m.attachments}
        keepName="attachmentFileIds"
        keepLabel={m.keepAttachments}
        fileLabel={m.files}
        fileHint={m.filesHint}
        accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png,.gif,.webp"
        kept={values.attachments.map((attachment) => ({ value: attachment.fileId, label: attachment.name }))}
      />
      <div className="flex flex-wrap gap-3 pt-2">
        <SubmitButton variant="secondary">{messages.consoleItems.saveDraft}</SubmitButton>
        <SubmitButton name="then" value="submit">
          {messages.consoleItems.saveAndSubmit}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
