"use client";

import { ActionForm, useFormState } from "@/components/forms/action-form";
import { SelectField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FeedbackReplyAction } from "@/lib/feedback/feedback-reply-review";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";

type Run = (state: FormState, formData: FormData) => Promise<FormState>;

const f = messages.proposals.feedback;
const d = f.console.detail;
const s = f.screening;

function TextArea({ id, name, label, required, rows = 3, defaultValue, maxLength }: { id: string; name: string; label: string; required?: boolean; rows?: number; defaultValue?: string; maxLength?: number }) {
  const errors = useFormState().fields?.[name];
  return (
    <div className="mb-3">
      <label htmlFor={id} className="block text-sm font-medium">{label}{required ? <span className="ml-1 text-red-700" aria-hidden="true">*</span> : null}</label>
      <textarea id={id} name={name} rows={rows} defaultValue={defaultValue} required={required} maxLength={maxLength}
        aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? `${id}-error` : undefined}
        className="mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700" />
      {errors?.length ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700" data-testid={`error-${name}`}>{errors.join(" ")}</p> : null}
    </div>
  );
}

function Errors({ name }: { name: string }) {
  const errors = useFormState().fields?.[name];
  return errors?.length ? <p className="mb-2 text-sm text-red-700" data-testid={`error-${name}`}>{errors.join(" ")}</p> : null;
}

export function ModerationForms({ run, version, canRelease }: { run: Run; version: number; canRelease: boolean }) {
  return (
    <div className="space-y-3">
      {canRelease ? (
        <ActionForm action={run} aria-label={d.release}>
          <input type="hidden" name="decision" value="release" />
          <input type="hidden" name="version" value={version} />
          <SubmitButton>{d.release}</SubmitButton>
        </ActionForm>
      ) : null}
      <ActionForm action={run} aria-label={d.reject} className="rounded border border-gray-200 p-3">
        <input type="hidden" name="decision" value="reject" />
        <input type="hidden" name="version" value={version} />
        <TextArea id="moderation-note" name="note" label={d.moderationNote} required maxLength={500} />
        <SubmitButton variant="danger">{d.reject}</SubmitButton>
      </ActionForm>
    </div>
  );
}

export function AssignForm({ run, version, sections, sectionId }: { run: Run; version: number; sections: { id: number; name: string }[]; sectionId: number | null }) {
  return (
    <ActionForm action={run} aria-label={d.assign}>
      <input type="hidden" name="version" value={version} />
      <SelectField name="sectionId" label={f.console.columns.section} required defaultValue={sectionId ?? ""}
        options={[{ value: "", label: "请选择" }, ...sections.map((section) => ({ value: section.id, label: section.name }))]} />
      <SubmitButton variant="secondary">{d.assign}</SubmitButton>
    </ActionForm>
  );
}

export function FeedbackReplyForm({ run, version, body }: { run: Run; version: number; body: string }) {
  return (
    <ActionForm action={run} aria-label={d.saveReply}>
      <input type="hidden" name="version" value={version} />
      <TextArea id="feedback-reply-body" name="body" label={d.replyBody} rows={8} defaultValue={body} required maxLength={5000} />
      <SubmitButton>{d.saveReply}</SubmitButton>
    </ActionForm>
  );
}

/** After a refused publication, the findings to acknowledge, each with a note (as on item pages). */
function PublicationFindings() {
  const state = useFormState();
  if (!state.findings?.length) return null;
  const kinds = messages.consoleItems.detail.findingKinds;
  return (
    <section className="mb-3 rounded border border-amber-700 bg-amber-50 p-3" aria-labelledby="publication-findings-title" data-testid="screening-findings">
      <h3 id="publication-findings-title" className="font-semibold">{s.findings}</h3>
      <p className="mt-1 text-sm">{s.findingsHelp}</p>
      <ol className="mt-3 space-y-3">
        {state.findings.map((finding, index) => (
          <li key={finding.key} className="rounded border border-amber-300 bg-white p-3 text-sm">
            <p><strong>{kinds[finding.kind as keyof typeof kinds] ?? finding.kind}</strong>（{finding.source}）：<code>{finding.match}</code></p>
            <p className="mt-1 text-gray-700">……{finding.context}……</p>
            <label htmlFor={`publication-finding-${index}`} className="mt-2 block">{s.findingNote} {index + 1}</label>
            <input id={`publication-finding-${index}`} name={`ack:${finding.key}`} required maxLength={500} className="mt-1 block w-full rounded border border-gray-400 px-2 py-1" />
          </li>
        ))}
      </ol>
    </section>
  );
}

export function FeedbackReplyTransitions({ run, version, actions, mayPublish }: { run: Run; version: number; actions: FeedbackReplyAction[]; mayPublish: boolean }) {
  if (!actions.length) return <p className="text-sm text-gray-700">{d.noActions}</p>;
  return (
    <div className="space-y-3">
      {actions.map((action) => (
        <ActionForm key={action} action={run} aria-label={f.replyActions[action]} className="rounded border border-gray-200 p-3">
          <input type="hidden" name="action" value={action} />
          <input type="hidden" name="version" value={version} />
          {action === "approve" ? (
            <>
              <PublicationFindings />
              <label className="mb-1 flex items-center gap-2 text-sm">
                <input type="checkbox" name="publish" value="on" defaultChecked={mayPublish} disabled={!mayPublish} aria-describedby="publish-hint" />
                {d.publish}
              </label>
              <p id="publish-hint" className="mb-3 text-sm text-gray-700">{d.publishHint}</p>
              <Errors name="publish" />
            </>
          ) : null}
          {action === "return" ? <TextArea id={`feedback-${action}-comment`} name="comment" label={d.returnComment} required maxLength={2000} /> : null}
          {action !== "return" ? <TextArea id={`feedback-${action}-comment`} name="comment" label={d.comment} rows={2} maxLength={2000} /> : null}
          <SubmitButton variant={action === "return" ? "danger" : "primary"}>{f.replyActions[action]}</SubmitButton>
        </ActionForm>
      ))}
    </div>
  );
}

export function UnpublishForm({ run, version }: { run: Run; version: number }) {
  return (
    <ActionForm action={run} aria-label={d.unpublish}>
      <input type="hidden" name="version" value={version} />
      <TextArea id="unpublish-reason" name="reason" label={d.unpublishReason} required maxLength={500} />
      <SubmitButton variant="danger">{d.unpublish}</SubmitButton>
    </ActionForm>
  );
}
