"use client";

import { useEffect, useId, useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField, DateField, SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { applicationTextLimits, deliveryMethods, noticeDeliveryMethods } from "@/lib/applications/application-fields";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";
import { applicationsMessages } from "@/lib/i18n/zh-CN/applications";

type Run = (state: FormState, formData: FormData) => Promise<FormState>;

const a = applicationsMessages;
const s = a.console.stepForm;

/** A text area whose hint states the applications' length limit (the limits are the data layer's). */
export function NoteField({
  name,
  label,
  required,
  maxLength = applicationTextLimits.note,
  defaultValue,
  rows = 3,
  hint,
}: {
  name: string;
  label: string;
  required?: boolean;
  maxLength?: number;
  defaultValue?: string;
  rows?: number;
  hint?: string;
}) {
  return (
    <TextAreaField
      name={name}
      label={label}
      required={required}
      maxLength={maxLength}
      defaultValue={defaultValue}
      rows={rows}
      hint={[hint, a.publicForm.maxHint(maxLength)].filter(Boolean).join("；")}
    />
  );
}

/** Shows the fee before the notice is sent, from the same calculator the server uses. */
function FeeQuotePreview() {
  const [method, setMethod] = useState<"by_count" | "by_volume">("by_volume");
  const [quantity, setQuantity] = useState("");
  // The answer is kept with the request it answers, so that an invalid or changed quantity shows no stale fee.
  const [answer, setAnswer] = useState<{ request: string; summary: string; lines: string[] } | null>(null);
  const parameter = method === "by_volume" ? "pages" : "applicationsThisMonth";
  const request = /^\d+$/.test(quantity) && Number(quantity) >= 1 ? `${parameter}=${quantity}` : null;
  useEffect(() => {
    if (request === null) return;
    const controller = new AbortController();
    fetch(`/api/v1/admin/fees/quote?${request}`, { signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((body) => setAnswer(body ? { request, summary: body.summary, lines: body.breakdown.map((line: { text: string }) => line.text) } : null))
      .catch(() => undefined);
    return () => controller.abort();
  }, [request]);
  const quote = answer !== null && answer.request === request ? answer : null;
  const quoteId = `${useId().replaceAll(":", "")}-quote`;
  return (
    <>
      <SelectField
        name="method"
        label={s.feeMethod}
        required
        value={method}
        onChange={(event) => setMethod(event.currentTarget.value as typeof method)}
        options={[
          { value: "by_volume", label: a.feeMethods.by_volume },
          { value: "by_count", label: a.feeMethods.by_count },
        ]}
      />
      <TextField
        name="quantity"
        label={s.quantity}
        required
        inputMode="numeric"
        hint={s.quantityHint}
        value={quantity}
        onChange={(event) => setQuantity(event.currentTarget.value.trim())}
        describedBy={[quoteId]}
        after={
          <div id={quoteId} aria-live="polite" className="mt-2 text-sm" data-testid="fee-quote">
            {quote ? (
              <>
                <p className="font-semibold">{quote.summary}</p>
                <ul className="list-disc pl-5">
                  {quote.lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        }
      />
    </>
  );
}

type Option = { value: string; label: string };
export type OpenConsultationOption = Option & { kind: "third_party" | "agency" };

/** How a letter was delivered and when it was received; the hint states the presumptions. */
function NoticeDeliveryFields() {
  return (
    <>
      <SelectField
        name="noticeDeliveryMethod"
        label={s.noticeDeliveryMethod}
        placeholder={messages.kit.choose}
        options={noticeDeliveryMethods.map((value) => ({ value, label: a.noticeDeliveryMethods[value] }))}
      />
      <DateField name="receivedOn" label={s.noticeReceivedOn} hint={s.noticeReceivedOnHint} />
    </>
  );
}

function StepFields({
  type,
  today,
  defaultDeliveryMethod,
  notices,
  consultations,
}: {
  type: string;
  today: string;
  defaultDeliveryMethod: string | null;
  notices: Option[];
  consultations: OpenConsultationOption[];
}) {
  return (
    <>
      <input type="hidden" name="type" value={type} />
      {type === "notice_received" ? (
        <>
          <SelectField name="noticeStepId" label={s.noticeStep} required options={notices} />
          <DateField name="date" label={s.noticeReceivedOn} defaultValue={today} required />
        </>
      ) : (
        <DateField name="date" label={s.date} defaultValue={today} required />
      )}
      {type === "agency_consultation" ? (
        <>
          <TextField name="agency" label={s.agency} required maxLength={applicationTextLimits.thirdParty} />
          <NoticeDeliveryFields />
        </>
      ) : null}
      {type === "third_party_consultation" || type === "fee_notice" ? <NoticeDeliveryFields /> : null}
      {type === "third_party_reply" || type === "agency_reply" ? (
        <SelectField
          name="consultationStepId"
          label={s.consultation}
          hint={s.consultationHint}
          placeholder={messages.kit.choose}
          options={consultations.filter((each) => each.kind === (type === "agency_reply" ? "agency" : "third_party"))}
        />
      ) : null}
      {type === "correction_request" ? (
        <>
          <DateField name="respondBy" label={s.respondBy} hint={s.respondByHint} />
          <NoteField name="note" label={s.correctionNote} required />
        </>
      ) : null}
      {type === "third_party_consultation" ? <TextField name="thirdParty" label={s.thirdParty} required maxLength={applicationTextLimits.thirdParty} /> : null}
      {type === "extension" ? (
        <>
          <SelectField
            name="basis"
            label={s.extensionBasis}
            hint={s.art35Hint}
            defaultValue="art33"
            options={(["art33", "art35"] as const).map((value) => ({ value, label: a.extensionBases[value] }))}
          />
          <TextField name="days" label={s.days} type="number" defaultValue={20} required hint={s.daysHint} />
          <DateField name="applicantNotifiedOn" label={s.applicantNotifiedOn} defaultValue={today} />
          <NoteField name="note" label={s.extensionReason} required />
        </>
      ) : null}
      {type === "fee_notice" ? <FeeQuotePreview /> : null}
      {type === "delivery" ? (
        <SelectField
          name="deliveryMethod"
          label={s.deliveryMethod}
          defaultValue={defaultDeliveryMethod ?? "paper"}
          options={deliveryMethods.map((value) => ({ value, label: a.deliveryMethods[value] }))}
        />
      ) : null}
      {type !== "correction_request" && type !== "extension" ? <NoteField name="note" label={s.note} /> : null}
    </>
  );
}

/** One form per step that may be taken now, each folded until opened. */
export function StepForms({
  types,
  run,
  today,
  defaultDeliveryMethod,
  notices = [],
  consultations = [],
}: {
  types: string[];
  run: Run;
  today: string;
  defaultDeliveryMethod: string | null;
  notices?: Option[];
  consultations?: OpenConsultationOption[];
}) {
  if (!types.length) return <p className="text-sm text-gray-700">—</p>;
  return (
    <div className="space-y-3">
      {types.map((type) => {
        const label = a.stepTypes[type as keyof typeof a.stepTypes];
        return (
          <details key={type} className="rounded border border-gray-200 p-3" data-testid={`step-${type}`}>
            <summary className="cursor-pointer font-medium">
              {label}
              {type === "extension" ? s.leaderOnly : ""}
            </summary>
            <ActionForm action={run} aria-label={label} className="mt-3">
              <StepFields type={type} today={today} defaultDeliveryMethod={defaultDeliveryMethod} notices={notices} consultations={consultations} />
              <SubmitButton>
                {s.submit}
                {label}
              </SubmitButton>
            </ActionForm>
          </details>
        );
      })}
    </div>
  );
}

export type OutcomeOption = { slug: string; label: string; groupName: string };

/** An agency of the platform to choose (集约化): its code and name. */
export type AgencyChoice = { value: string; label: string };

export function DecisionForm({
  run,
  today,
  outcomes,
  current,
  agencies = [],
}: {
  run: Run;
  today: string;
  outcomes: OutcomeOption[];
  current: string | null;
  /** The platform's other agencies, for 本机关不掌握 naming the one that holds the information. */
  agencies?: AgencyChoice[];
}) {
  const d = a.console.decisionForm;
  const groups = [...new Set(outcomes.map((outcome) => outcome.groupName))];
  return (
    <ActionForm action={run} aria-label={d.submit}>
      <SelectField
        name="outcome"
        label={d.outcome}
        required
        defaultValue={current ?? ""}
        placeholder={messages.kit.choose}
        groups={groups.map((group) => ({
          label: group,
          options: outcomes.filter((outcome) => outcome.groupName === group).map((outcome) => ({ value: outcome.slug, label: outcome.label })),
        }))}
      />
      <DateField name="decidedOn" label={d.decidedOn} defaultValue={today} required />
      <NoteField name="note" label={d.note} />
      <NoteField name="accessRoute" label={d.accessRoute} hint={d.accessRouteHint} rows={2} />
      {agencies.length ? (
        <SelectField name="otherAgencyCode" label={d.otherAgencyCode} hint={d.otherAgencyCodeHint} placeholder={d.otherAgencyOutside} options={agencies} />
      ) : null}
      <TextField name="otherAgency" label={d.otherAgency} hint={d.otherAgencyHint} maxLength={applicationTextLimits.thirdParty} />
      <TextField name="otherAgencyContact" label={d.otherAgencyContact} maxLength={applicationTextLimits.thirdParty} />
      <SubmitButton>{d.submit}</SubmitButton>
    </ActionForm>
  );
}

/** 转送: to another agency of the platform that accepts applications, on a day, with the reason. */
export function TransferForm({ run, today, agencies }: { run: Run; today: string; agencies: AgencyChoice[] }) {
  const t = a.console.transferForm;
  return (
    <details className="rounded border border-gray-200 p-3" data-testid="transfer">
      <summary className="cursor-pointer font-medium">{t.title}</summary>
      <p className="mt-2 text-sm text-gray-800">{t.intro}</p>
      <ActionForm action={run} aria-label={t.title} className="mt-3">
        <SelectField name="agencyCode" label={t.agency} required placeholder={messages.kit.choose} options={agencies} />
        <DateField name="date" label={t.date} defaultValue={today} required />
        <NoteField name="reason" label={t.reason} required />
        <SubmitButton>{t.submit}</SubmitButton>
      </ActionForm>
    </details>
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
        <NoteField
          name="body"
          label={a.templatesAdmin.body}
          defaultValue={body}
          rows={12}
          required
          maxLength={applicationTextLimits.replyBody}
          hint={a.templatesAdmin.bodyHint}
        />
        <SubmitButton>{d.saveReply}</SubmitButton>
      </ActionForm>
    </details>
  );
}

/** A reconsideration or lawsuit; `aboutProactiveDisclosure`: a case with no application, which names its subject. */
export function AppealForm({ run, today, aboutProactiveDisclosure = false }: { run: Run; today: string; aboutProactiveDisclosure?: boolean }) {
  const f = a.console.appealForm;
  const [kind, setKind] = useState("reconsideration");
  const title = aboutProactiveDisclosure ? f.addProactive : f.add;
  return (
    <details className="rounded border border-gray-200 p-3">
      <summary className="cursor-pointer font-medium">{title}</summary>
      <ActionForm action={run} aria-label={title} className="mt-3">
        {aboutProactiveDisclosure ? (
          <TextField name="subject" label={f.subject} hint={f.subjectHint} required maxLength={applicationTextLimits.appealSubject} />
        ) : null}
        <SelectField
          name="kind"
          label={f.kind}
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value)}
          options={[
            { value: "reconsideration", label: f.kinds.reconsideration },
            { value: "litigation", label: f.kinds.litigation },
          ]}
        />
        <DateField name="filedOn" label={f.filedOn} defaultValue={today} required />
        <TextField name="body" label={f.body} required maxLength={applicationTextLimits.appealBody} />
        {kind === "litigation" ? <CheckboxField name="afterReconsideration" value="true" label={f.afterReconsideration} /> : null}
        <SelectField
          name="result"
          label={f.result}
          defaultValue="pending"
          options={Object.entries(a.appealResults).map(([value, label]) => ({ value, label }))}
        />
        <DateField name="resultOn" label={f.resultOn} />
        <NoteField name="note" label={f.note} rows={2} />
        <SubmitButton>{title}</SubmitButton>
      </ActionForm>
    </details>
  );
}

export function AppealResultForm({ run, result, resultOn, label }: { run: Run; result: string; resultOn: string | null; label: string }) {
  const f = a.console.appealForm;
  return (
    <ActionForm action={run} aria-label={`${f.update}：${label}`} className="mt-2 flex flex-wrap items-end gap-3">
      <SelectField
        name="result"
        label={f.result}
        defaultValue={result}
        options={Object.entries(a.appealResults).map(([value, text]) => ({ value, label: text }))}
      />
      <DateField name="resultOn" label={f.resultOn} defaultValue={resultOn ?? ""} />
      <div className="mb-4">
        <SubmitButton variant="secondary">{f.update}</SubmitButton>
      </div>
    </ActionForm>
  );
}
