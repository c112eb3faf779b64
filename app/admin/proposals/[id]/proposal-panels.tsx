"use client";

import { ActionForm, useFormState } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";
import type { ProposalReplyAction } from "@/lib/proposals/proposal-reply-review";
import { AssistingSectionChoices } from "../proposal-form";

type Run = (state: FormState, formData: FormData) => Promise<FormState>;
type Section = { id: number; name: string };

const p = messages.proposals;
const d = p.console.detail;

function TextArea({ name, label, hint, required, rows = 4, defaultValue, maxLength, idPrefix }: {
  name: string; label: string; hint?: string; required?: boolean; rows?: number; defaultValue?: string; maxLength?: number; idPrefix: string;
}) {
  const errors = useFormState().fields?.[name];
  const id = `${idPrefix}-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="mb-3">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}{required ? <span className="ml-1 text-red-700" aria-hidden="true">*</span> : null}
      </label>
      <textarea id={id} name={name} rows={rows} defaultValue={defaultValue} required={required} maxLength={maxLength}
        aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy}
        className="mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700" />
      {hint ? <p id={`${id}-hint`} className="mt-1 text-sm text-gray-700">{hint}</p> : null}
      {errors?.length ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700" data-testid={`error-${name}`}>{errors.join(" ")}</p> : null}
    </div>
  );
}

function FieldErrors({ name }: { name: string }) {
  const errors = useFormState().fields?.[name];
  return errors?.length ? <p className="mt-1 text-sm text-red-700" data-testid={`error-${name}`}>{errors.join(" ")}</p> : null;
}

export function AssignmentForm({ run, sections, leadSectionId, assisting, version }: { run: Run; sections: Section[]; leadSectionId: number | null; assisting: number[]; version: number }) {
  return (
    <ActionForm action={run} aria-label={d.assign}>
      <input type="hidden" name="version" value={version} />
      <SelectField name="leadSectionId" label={p.fields.leadSectionId} required defaultValue={leadSectionId ?? ""}
        options={[{ value: "", label: "请选择" }, ...sections.map((section) => ({ value: section.id, label: section.name }))]} />
      <AssistingSectionChoices sections={sections} selected={assisting} exclude={leadSectionId} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField name="assignedOn" label={p.fields.assignedOn} type="date" />
        <TextField name="deadline" label={p.fields.deadline} type="date" hint={p.fields.deadlineHint} />
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
      <TextArea idPrefix="reply" name="body" label={d.replyBody} rows={12} defaultValue={values.body} required maxLength={50_000} />
      <fieldset className="mb-3">
        <legend className="text-sm font-medium">{d.disclosure}<span className="ml-1 text-red-700" aria-hidden="true">*</span></legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {(["full", "summary", "none"] as const).map((value) => (
            <label key={value} className="flex items-center gap-1 text-sm">
              <input type="radio" name="disclosure" value={value} defaultChecked={values.disclosure === value} />
              {p.disclosures[value]}
            </label>
          ))}
        </div>
        <FieldErrors name="disclosure" />
      </fieldset>
      <TextArea idPrefix="reply" name="summary" label={d.replySummary} hint={d.replySummaryHint} defaultValue={values.summary} maxLength={2000} />
      <TextArea idPrefix="reply" name="nondisclosureReason" label={d.nondisclosureReason} hint={d.nondisclosureReasonHint} rows={2} defaultValue={values.nondisclosureReason} maxLength={500} />
      <fieldset className="mb-3">
        <legend className="text-sm font-medium">{d.attachments}</legend>
        {values.attachments.length ? (
          <div className="mt-1 space-y-1">
            <p className="text-sm text-gray-700">{d.keepAttachments}</p>
            {values.attachments.map((attachment) => (
              <label key={attachment.fileId} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="attachmentFileIds" value={attachment.fileId} defaultChecked />
                {attachment.name}
              </label>
            ))}
          </div>
        ) : null}
        <label htmlFor="reply-files" className="mt-2 block text-sm">{d.files}</label>
        <input id="reply-files" type="file" name="files" multiple aria-describedby="reply-files-hint" className="mt-1 block text-sm" accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png,.gif,.webp" />
        <p id="reply-files-hint" className="mt-1 text-sm text-gray-700">{d.filesHint}</p>
        <FieldErrors name="files" />
        <FieldErrors name="attachmentFileIds" />
      </fieldset>
      <SubmitButton>{d.saveReply}</SubmitButton>
    </ActionForm>
  );
}

export function ReplyTransitions({ actions, version, run, replyId }: { actions: ProposalReplyAction[]; version: number; run: Run; replyId: number }) {
  if (!actions.length) return <p className="text-sm text-gray-700">{d.noActions}</p>;
  return (
    <div className="space-y-3">
      {actions.map((action) => (
        <ActionForm key={action} action={run} aria-label={p.replyActions[action]} className="rounded border border-gray-200 p-3">
          <input type="hidden" name="action" value={action} />
          <input type="hidden" name="version" value={version} />
          {action === "return" ? <TextArea idPrefix={`transition-${replyId}-${action}`} name="comment" label={d.returnComment} required rows={3} maxLength={2000} /> : null}
          {action === "withdraw" ? <TextArea idPrefix={`transition-${replyId}-${action}`} name="comment" label={d.withdrawReason} required rows={3} maxLength={2000} /> : null}
          {action === "approve" || action === "submit" ? <TextArea idPrefix={`transition-${replyId}-${action}`} name="comment" label={d.comment} rows={2} maxLength={2000} /> : null}
          <SubmitButton variant={action === "return" || action === "withdraw" ? "danger" : "primary"}>{p.replyActions[action]}</SubmitButton>
        </ActionForm>
      ))}
    </div>
  );
}

export function ProposerFeedbackForm({ run, version, today }: { run: Run; version: number; today: string }) {
  const options = Object.entries(p.satisfactions).map(([value, label]) => ({ value, label }));
  return (
    <ActionForm action={run} aria-label={d.recordFeedback}>
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <SelectField name="satisfaction" label={d.satisfaction} options={[{ value: "", label: "请选择" }, ...options]} required />
        <TextField name="feedbackOn" label={d.feedbackOn} type="date" defaultValue={today} required />
      </div>
      <TextArea idPrefix="feedback" name="note" label={d.feedbackNote} rows={2} maxLength={500} />
      <SubmitButton>{d.recordFeedback}</SubmitButton>
    </ActionForm>
  );
}

export function ReopenForm({ run, version }: { run: Run; version: number }) {
  return (
    <ActionForm action={run} aria-label={d.reopen}>
      <p className="mb-2 text-sm text-gray-700">{d.reopenHint}</p>
      <input type="hidden" name="version" value={version} />
      <TextField name="deadline" label={d.reopenDeadline} type="date" hint={d.reopenDeadlineHint} />
      <TextArea idPrefix="reopen" name="comment" label={d.feedbackNote} rows={2} maxLength={500} />
      <SubmitButton>{d.reopen}</SubmitButton>
    </ActionForm>
  );
}

export function CloseForm({ run, version }: { run: Run; version: number }) {
  return (
    <ActionForm action={run} aria-label={d.close}>
      <p className="mb-2 text-sm text-gray-700">{d.closeHint}</p>
      <input type="hidden" name="version" value={version} />
      <SubmitButton variant="secondary">{d.close}</SubmitButton>
    </ActionForm>
  );
}
