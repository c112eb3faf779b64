"use client";

import { ActionForm } from "@/components/forms/action-form";
import { ButtonForm } from "@/components/forms/button-form";
import { SelectField, TextAreaField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";

type Run = (state: FormState, formData: FormData) => Promise<FormState>;

const f = messages.proposals.feedback;
const d = f.console.detail;

export function ModerationForms({ run, version, canRelease }: { run: Run; version: number; canRelease: boolean }) {
  return (
    <div className="space-y-3">
      {canRelease ? (
        <ButtonForm action={run} label={d.release} variant="primary">
          <input type="hidden" name="decision" value="release" />
          <input type="hidden" name="version" value={version} />
        </ButtonForm>
      ) : null}
      <ActionForm action={run} aria-label={d.reject} className="rounded border border-gray-200 p-3">
        <input type="hidden" name="decision" value="reject" />
        <input type="hidden" name="version" value={version} />
        <TextAreaField name="note" label={d.moderationNote} required rows={3} maxLength={500} />
        <SubmitButton variant="danger">{d.reject}</SubmitButton>
      </ActionForm>
    </div>
  );
}

export function AssignForm({
  run,
  version,
  sections,
  sectionId,
}: {
  run: Run;
  version: number;
  sections: { id: number; name: string }[];
  sectionId: number | null;
}) {
  return (
    <ActionForm action={run} aria-label={d.assign}>
      <input type="hidden" name="version" value={version} />
      <SelectField
        name="sectionId"
        label={f.console.columns.section}
        required
        defaultValue={sectionId ?? ""}
        placeholder={messages.kit.choose}
        options={sections.map((section) => ({ value: section.id, label: section.name }))}
      />
      <SubmitButton variant="secondary">{d.assign}</SubmitButton>
    </ActionForm>
  );
}

export function FeedbackReplyForm({ run, version, body }: { run: Run; version: number; body: string }) {
  return (
    <ActionForm action={run} aria-label={d.saveReply}>
      <input type="hidden" name="version" value={version} />
      <TextAreaField name="body" label={d.replyBody} rows={8} defaultValue={body} required maxLength={5000} />
      <SubmitButton>{d.saveReply}</SubmitButton>
    </ActionForm>
  );
}

export function UnpublishForm({ run, version }: { run: Run; version: number }) {
  return (
    <ActionForm action={run} aria-label={d.unpublish}>
      <input type="hidden" name="version" value={version} />
      <TextAreaField name="reason" label={d.unpublishReason} required rows={3} maxLength={500} />
      <SubmitButton variant="danger">{d.unpublish}</SubmitButton>
    </ActionForm>
  );
}
