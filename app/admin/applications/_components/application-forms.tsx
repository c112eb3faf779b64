"use client";

import { useEffect, useId, useState } from "react";
import { ActionForm, useFormState } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { applicationTextLimits, deliveryMethods } from "@/lib/applications/application-fields";
import type { FormState } from "@/lib/forms/form-state";
import { applicationsMessages } from "@/lib/i18n/zh-CN/applications";

type Run = (state: FormState, formData: FormData) => Promise<FormState>;

const a = applicationsMessages;
const s = a.console.stepForm;

export function TextAreaField({ name, label, required, maxLength = applicationTextLimits.note, defaultValue, rows = 3, hint }: {
  name: string; label: string; required?: boolean; maxLength?: number; defaultValue?: string; rows?: number; hint?: string;
}) {
  const id = `${useId().replaceAll(":", "")}-${name}`;
  const errors = useFormState().fields?.[name];
  const fullHint = [hint, a.publicForm.maxHint(maxLength)].filter(Boolean).join("；");
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block text-sm font-medium text-gray-900">
        {label}{required ? <span className="ml-1 text-red-700" aria-hidden="true">*</span> : null}
      </label>
      <textarea id={id} name={name} rows={rows} required={required} maxLength={maxLength} defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined} aria-describedby={[`${id}-hint`, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ")}
        className="mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2 text-base focus:border-blue-800 focus:outline-none focus:ring-2 focus:ring-blue-700 aria-[invalid=true]:border-red-700" />
      <p id={`${id}-hint`} className="mt-1 text-sm text-gray-700">{fullHint}</p>
      {errors?.length ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700" data-testid={`error-${name}`}>{errors.join(" ")}</p> : null}
    </div>
  );
}

/** Shows the fee before the notice is sent, from the same calculator the server uses. */
function FeeQuotePreview() {
  const [method, setMethod] = useState<"by_count" | "by_volume">("by_volume");
  const [quantity, setQuantity] = useState("");
  const [quote, setQuote] = useState<{ summary: string; lines: string[] } | null>(null);
  useEffect(() => {
    if (!/^\d+$/.test(quantity) || Number(quantity) < 1) {
      setQuote(null);
      return;
    }
    const parameter = method === "by_volume" ? "pages" : "applicationsThisMonth";
    const controller = new AbortController();
    fetch(`/api/v1/admin/fees/quote?${parameter}=${quantity}`, { signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((body) => setQuote(body ? { summary: body.summary, lines: body.breakdown.map((line: { text: string }) => line.text) } : null))
      .catch(() => undefined);
    return () => controller.abort();
  }, [method, quantity]);
  const methodId = useId();
  const quantityId = useId();
  const errors = useFormState().fields;
  return (
    <>
      <div className="mb-4">
        <label htmlFor={methodId} className="block text-sm font-medium">{s.feeMethod}<span className="ml-1 text-red-700" aria-hidden="true">*</span></label>
        <select id={methodId} name="method" value={method} onChange={(event) => setMethod(event.currentTarget.value as typeof method)}
          className="mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2">
          <option value="by_volume">{a.feeMethods.by_volume}</option>
          <option value="by_count">{a.feeMethods.by_count}</option>
        </select>
      </div>
      <div className="mb-4">
        <label htmlFor={quantityId} className="block text-sm font-medium">{s.quantity}<span className="ml-1 text-red-700" aria-hidden="true">*</span></label>
        <input id={quantityId} name="quantity" inputMode="numeric" value={quantity} onChange={(event) => setQuantity(event.currentTarget.value.trim())}
          aria-describedby={`${quantityId}-hint ${quantityId}-quote`} aria-invalid={errors?.quantity ? true : undefined}
          className="mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2" />
        <p id={`${quantityId}-hint`} className="mt-1 text-sm text-gray-700">{s.quantityHint}</p>
        {errors?.quantity ? <p className="mt-1 text-sm text-red-700" data-testid="error-quantity">{errors.quantity.join(" ")}</p> : null}
        <div id={`${quantityId}-quote`} aria-live="polite" className="mt-2 text-sm" data-testid="fee-quote">
          {quote ? (<><p className="font-semibold">{quote.summary}</p><ul className="list-disc pl-5">{quote.lines.map((line) => <li key={line}>{line}</li>)}</ul></>) : null}
        </div>
      </div>
    </>
  );
}

function StepFields({ type, today, defaultDeliveryMethod }: { type: string; today: string; defaultDeliveryMethod: string | null }) {
  return (
    <>
      <input type="hidden" name="type" value={type} />
      <TextField name="date" label={s.date} type="date" defaultValue={today} required />
      {type === "correction_request" ? (
        <>
          <TextField name="respondBy" label={s.respondBy} type="date" hint={s.respondByHint} />
          <TextAreaField name="note" label={s.correctionNote} required />
        </>
      ) : null}
      {type === "third_party_consultation" ? <TextField name="thirdParty" label={s.thirdParty} required maxLength={applicationTextLimits.thirdParty} /> : null}
      {type === "extension" ? (
        <>
          <TextField name="days" label={s.days} type="number" defaultValue={20} required hint={s.daysHint} />
          <TextField name="applicantNotifiedOn" label={s.applicantNotifiedOn} type="date" defaultValue={today} />
          <TextAreaField name="note" label={s.extensionReason} required />
        </>
      ) : null}
      {type === "fee_notice" ? <FeeQuotePreview /> : null}
      {type === "delivery" ? (
        <SelectField name="deliveryMethod" label={s.deliveryMethod} defaultValue={defaultDeliveryMethod ?? "paper"}
          options={deliveryMethods.map((value) => ({ value, label: a.deliveryMethods[value] }))} />
      ) : null}
      {type !== "correction_request" && type !== "extension" ? <TextAreaField name="note" label={s.note} /> : null}
    </>
  );
}

/** One form per step that may be taken now, each folded until opened. */
export function StepForms({ types, run, today, defaultDeliveryMethod }: { types: string[]; run: Run; today: string; defaultDeliveryMethod: string | null }) {
  if (!types.length) return <p className="text-sm text-gray-700">—</p>;
  return (
    <div className="space-y-3">
      {types.map((type) => {
        const label = a.stepTypes[type as keyof typeof a.stepTypes];
        return (
          <details key={type} className="rounded border border-gray-200 p-3" data-testid={`step-${type}`}>
            <summary className="cursor-pointer font-medium">{label}{type === "extension" ? s.leaderOnly : ""}</summary>
            <ActionForm action={run} aria-label={label} className="mt-3">
              <StepFields type={type} today={today} defaultDeliveryMethod={defaultDeliveryMethod} />
              <SubmitButton>{s.submit}{label}</SubmitButton>
            </ActionForm>
          </details>
        );
      })}
    </div>
  );
}

export type OutcomeOption = { slug: string; label: string; groupName: string };

export function DecisionForm({ run, today, outcomes, current }: { run: Run; today: string; outcomes: OutcomeOption[]; current: string | null }) {
  const d = a.console.decisionForm;
  const groups = [...new Set(outcomes.map((outcome) => outcome.groupName))];
  return (
    <ActionForm action={run} aria-label={d.submit}>
      <OutcomeSelect groups={groups} outcomes={outcomes} current={current} />
      <TextField name="decidedOn" label={d.decidedOn} type="date" defaultValue={today} required />
      <TextAreaField name="note" label={d.note} />
      <SubmitButton>{d.submit}</SubmitButton>
    </ActionForm>
  );
}

function OutcomeSelect({ groups, outcomes, current }: { groups: string[]; outcomes: OutcomeOption[]; current: string | null }) {
  const id = useId();
  const errors = useFormState().fields?.outcome;
  const d = a.console.decisionForm;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block text-sm font-medium">{d.outcome}<span className="ml-1 text-red-700" aria-hidden="true">*</span></label>
      <select id={id} name="outcome" defaultValue={current ?? ""} required aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined} className="mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2">
        <option value="">请选择</option>
        {groups.map((group) => (
          <optgroup key={group} label={group}>
            {outcomes.filter((outcome) => outcome.groupName === group).map((outcome) => <option key={outcome.slug} value={outcome.slug}>{outcome.label}</option>)}
          </optgroup>
        ))}
      </select>
      {errors?.length ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700" data-testid="error-outcome">{errors.join(" ")}</p> : null}
    </div>
  );
}

export function ReplyEditor({ run, title, body, version }: { run: Run; title: string; body: string; version: number }) {
  const d = a.console.detail;
  return (
    <details className="rounded border border-gray-200 p-3">
      <summary className="cursor-pointer font-medium">{d.editReply}</summary>
      <ActionForm action={run} aria-label={d.editReply} className="mt-3">
        <input type="hidden" name="version" value={version} />
        <TextField name="title" label={a.templatesAdmin.titleField} defaultValue={title} required maxLength={applicationTextLimits.templateTitle} />
        <TextAreaField name="body" label={a.templatesAdmin.body} defaultValue={body} rows={12} required maxLength={applicationTextLimits.replyBody} hint={a.templatesAdmin.bodyHint} />
        <SubmitButton>{d.saveReply}</SubmitButton>
      </ActionForm>
    </details>
  );
}

export function ReplyTransitions({ run, actions, version }: { run: Run; actions: ("submit" | "approve" | "return")[]; version: number }) {
  const d = a.console.detail;
  return (
    <div className="space-y-3">
      {actions.map((action) => (
        <ActionForm key={action} action={run} aria-label={`答复书${a.replyActions[action]}`} className="rounded border border-gray-200 p-3">
          <input type="hidden" name="action" value={action} />
          <input type="hidden" name="version" value={version} />
          <TextAreaField name="comment" label={action === "return" ? d.returnComment : d.comment} required={action === "return"} rows={2} maxLength={2000} />
          <SubmitButton variant={action === "return" ? "danger" : "primary"}>{`答复书${a.replyActions[action]}`}</SubmitButton>
        </ActionForm>
      ))}
    </div>
  );
}

export function AppealForm({ run, today }: { run: Run; today: string }) {
  const f = a.console.appealForm;
  const [kind, setKind] = useState("reconsideration");
  const kindId = useId();
  return (
    <details className="rounded border border-gray-200 p-3">
      <summary className="cursor-pointer font-medium">{f.add}</summary>
      <ActionForm action={run} aria-label={f.add} className="mt-3">
        <div className="mb-4">
          <label htmlFor={kindId} className="block text-sm font-medium">{f.kind}</label>
          <select id={kindId} name="kind" value={kind} onChange={(event) => setKind(event.currentTarget.value)} className="mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2">
            <option value="reconsideration">{f.kinds.reconsideration}</option>
            <option value="litigation">{f.kinds.litigation}</option>
          </select>
        </div>
        <TextField name="filedOn" label={f.filedOn} type="date" defaultValue={today} required />
        <TextField name="body" label={f.body} required maxLength={applicationTextLimits.appealBody} />
        {kind === "litigation" ? (
          <label className="mb-4 flex items-center gap-2 text-sm"><input type="checkbox" name="afterReconsideration" value="true" />{f.afterReconsideration}</label>
        ) : null}
        <SelectField name="result" label={f.result} defaultValue="pending" options={Object.entries(a.appealResults).map(([value, label]) => ({ value, label }))} />
        <TextField name="resultOn" label={f.resultOn} type="date" />
        <TextAreaField name="note" label={f.note} rows={2} />
        <SubmitButton>{f.add}</SubmitButton>
      </ActionForm>
    </details>
  );
}

export function AppealResultForm({ run, result, resultOn, label }: { run: Run; result: string; resultOn: string | null; label: string }) {
  const f = a.console.appealForm;
  return (
    <ActionForm action={run} aria-label={`${f.update}：${label}`} className="mt-2 flex flex-wrap items-end gap-3">
      <SelectField name="result" label={f.result} defaultValue={result} options={Object.entries(a.appealResults).map(([value, text]) => ({ value, label: text }))} />
      <TextField name="resultOn" label={f.resultOn} type="date" defaultValue={resultOn ?? ""} />
      <div className="mb-4"><SubmitButton variant="secondary">{f.update}</SubmitButton></div>
    </ActionForm>
  );
}
