"use client";

import { ActionForm } from "@/components/forms/action-form";
import { AttachmentsField } from "@/components/forms/attachments-field";
import { ButtonForm } from "@/components/forms/button-form";
import { DateField, RadioGroupField, SelectField, TextAreaField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";
import { AssistingSectionChoices } from "../proposal-form";

type Run = (state: FormState, formData: FormData) => Promise<FormState>;
type Section = { id: number; name: string };

const p = messages.proposals;
const d = p.console.detail;

export function AssignmentForm({
  run,
  sections,
  leadSectionId,
  assisting,
  version,
}: {
  run: Run;
  sections: Section[];
  leadSectionId: number | null;
  assisting: number[];
  version: number;
}) {
  return (
    <ActionForm action={run} aria-label={d.assign}>
      <input type="hidden" name="version" value={version} />
      <SelectField
        name="leadSectionId"
        label={p.fields.leadSectionId}
        required
        defaultValue={leadSectionId ?? ""}
        placeholder={messages.kit.choose}
        options={sections.map((section) => ({ value: section.id, label: section.name }))}
      />
      <AssistingSectionChoices sections={sections} selected={assisting} exclude={leadSectionId} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <DateField name="assignedOn" label={p.fields.assignedOn} />
        <DateField name="deadline" label={p.fields.deadline} hint={p.fields.deadlineHint} />
      </div>
      <SubmitButton>{d.assign}</SubmitButton>
    </ActionForm>
  );
}

export type ReplyFormValues = {
  body: string;
  disclosure: "full" | "summary" | "none";
  summary: string;
  nondisclosureReason: string;
  attachments: { fileId: number; name: string }[];
  version: number | null;
};

export function ReplyForm({ run, values, label }: { run: Run; values: ReplyFormValues; label: string }) {
  return (
    <ActionForm action={run} aria-label={label}>
      {values.version ? <input type="hidden" name="version" value={values.version} /> : null}
      <TextAreaField name="body" label={d.replyBody} rows={12} defaultValue={values.body} required maxLength={50_000} />
      <RadioGroupField
        name="disclosure"
        label={d.disclosure}
        required
        defaultValue={values.disclosure}
        options={(["full", "summary", "none"] as const).map((value) => ({ value, label: p.disclosures[value] }))}
      />
      <TextAreaField name="summary" label={d.replySummary} hint={d.replySummaryHint} defaultValue={values.summary} maxLength={2000} />
      <TextAreaField
        name="nondisclosureReason"
        label={d.nondisclosureReason}
        hint={d.nondisclosureReasonHint}
        rows={2}
        defaultValue={values.nondisclosureReason}
        maxLength={500}
      />
      <AttachmentsField
        legend={d.attachments}
        keepName="attachmentFileIds"
        keepLabel={d.keepAttachments}
        fileLabel={d.files}
        fileHint={d.filesHint}
        accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png,.gif,.webp"
        kept={values.attachments.map((attachment) => ({ value: attachment.fileId, label: attachment.name }))}
      />
      <SubmitButton>{d.saveReply}</SubmitButton>
    </ActionForm>
  );
}

export function ProposerFeedbackForm({ run, version, today }: { run: Run; version: number; today: string }) {
  const options = Object.entries(p.satisfactions).map(([value, label]) => ({ value, label }));
  return (
    <ActionForm action={run} aria-label={d.recordFeedback}>
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <SelectField name="satisfaction" label={d.satisfaction} placeholder={messages.kit.choose} options={options} required />
        <DateField name="feedbackOn" label={d.feedbackOn} defaultValue={today} required />
      </div>
      <TextAreaField name="note" label={d.feedbackNote} rows={2} maxLength={500} />
      <SubmitButton>{d.recordFeedback}</SubmitButton>
    </ActionForm>
  );
}

export function ReopenForm({ run, version }: { run: Run; version: number }) {
  return (
    <ActionForm action={run} aria-label={d.reopen}>
      <p className="mb-2 text-sm text-gray-700">{d.reopenHint}</p>
      <input type="hidden" name="version" value={version} />
      <DateField name="deadline" label={d.reopenDeadline} hint={d.reopenDeadlineHint} />
      <TextAreaField name="comment" label={d.feedbackNote} rows={2} maxLength={500} />
      <SubmitButton>{d.reopen}</SubmitButton>
    </ActionForm>
  );
}

export function CloseForm({ run, version }: { run: Run; version: number }) {
  return (
    <ButtonForm action={run} label={d.close}>
      <p className="mb-2 text-sm text-gray-700">{d.closeHint}</p>
      <input type="hidden" name="version" value={version} />
    </ButtonForm>
  );
}
