"use client";

import Link from "next/link";
import { useState } from "react";
import { ActionForm, useFormState } from "@/components/forms/action-form";
import { RadioGroupField, SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { buttonClass } from "@/components/forms/styles";
import { SubmitButton } from "@/components/forms/submit-button";
import { applicationTextLimits, deliveryMethods, idTypes, informationForms, organisationKinds, receiptMethods } from "@/lib/applications/application-fields";
import { messages } from "@/lib/i18n";
import type { ApplicationFormState, ApplicationReceipt } from "./form-state";

const m = messages.applications.publicForm;
const c = messages.applications.console;
const sectionClass = "rounded border border-gray-300 bg-white p-6";
const sectionTitleClass = "mb-3 text-lg font-semibold";

/** A text field whose hint also says how long it may be. */
function LimitedText({ hint, maxLength, ...props }: Parameters<typeof TextField>[0] & { maxLength?: number }) {
  const parts = [hint, maxLength ? m.maxHint(maxLength) : null].filter((part): part is string => Boolean(part));
  return <TextField {...props} maxLength={maxLength} hint={parts.length ? messages.kit.hints(parts) : undefined} />;
}

/** An agency the public form offers (集约化): its code and name. */
export type AgencyOption = { value: string; label: string };

const optionsOf = (labels: Record<string, string>, values: readonly string[]) => values.map((value) => ({ value, label: labels[value] }));

function Receipt({ receipt, agencyName, offline }: { receipt: ApplicationReceipt; agencyName: string; offline: boolean }) {
  // The agency chosen on the form (集约化): the one the server stored the application for.
  agencyName = receipt.agencyName ?? agencyName;
  const rows: [string, string, string][] = [
    [m.number, receipt.number, "receipt-number"],
    [m.lookupCode, receipt.lookupCode, "receipt-code"],
    [m.receivedOn, receipt.receivedOn, "receipt-received"],
    [m.dueOn, receipt.dueOn, "receipt-due"],
    [m.agency, agencyName, "receipt-agency"],
  ];
  return (
    <section className="rounded border border-green-700 bg-white p-6" aria-labelledby="receipt-title" data-testid="application-receipt" role="status">
      <h2 id="receipt-title" className="text-xl font-bold">
        {m.receiptTitle}
      </h2>
      <p className="mt-2">{m.receiptIntro}</p>
      <dl className="mt-4 grid gap-2 sm:grid-cols-[8rem_1fr]">
        {rows.map(([label, value, testId]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-gray-800">{label}</dt>
            <dd className={testId === "receipt-code" || testId === "receipt-number" ? "font-mono text-lg font-bold" : ""} data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-gray-800">{receipt.receiptExplanation}</p>
      <p className="mt-1 text-sm text-gray-800">{m.dueOnHint}</p>
      <p className="mt-3 rounded border border-amber-700 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-950">{m.receiptShownOnce}</p>
      <div className="no-print mt-4 flex flex-wrap gap-3">
        <button type="button" onClick={() => window.print()} className={buttonClass.primary}>
          {m.print}
        </button>
        {offline ? (
          <Link href={`/admin/applications/${receipt.id}`} className={buttonClass.secondary}>
            {messages.kit.labelled(c.title, receipt.number)}
          </Link>
        ) : (
          <>
            <Link href="/applications" className={buttonClass.secondary}>
              {m.lookupLink}
            </Link>
            {/* A full reload, so the next form gets a new submission key. */}
            <a href="/apply" className={buttonClass.secondary}>
              {m.another}
            </a>
          </>
        )}
      </div>
    </section>
  );
}

/** The fields; inside the ActionForm so that a refused submission's typed values reach them. */
function ApplicationFields({
  idempotencyKey,
  offline,
  today,
  agencies,
  agencyCode,
}: {
  idempotencyKey: string;
  offline: boolean;
  today?: string;
  agencies?: AgencyOption[];
  agencyCode?: string;
}) {
  const typed = useFormState().values;
  const [applicantType, setApplicantType] = useState(typed?.applicantType ?? "natural_person");
  const person = applicantType === "natural_person";
  const l = applicationTextLimits;
  return (
    <>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {offline ? (
        <section className={sectionClass} aria-labelledby="receipt-section">
          <h2 id="receipt-section" className={sectionTitleClass}>
            {c.receiptMethod}
          </h2>
          <SelectField
            name="receiptMethod"
            label={c.receiptMethod}
            required
            placeholder={messages.kit.choose}
            options={optionsOf(
              messages.applications.receiptMethods,
              receiptMethods.filter((method) => method !== "online"),
            )}
          />
          <TextField name="receivedOn" label={c.receivedOn} type="date" required hint={c.receivedOnHint} />
          {today ? <p className="text-sm text-gray-700">{messages.kit.today(today)}</p> : null}
        </section>
      ) : null}
      {!offline && agencies && agencies.length > 1 ? (
        <section className={sectionClass} aria-labelledby="agency-section">
          <h2 id="agency-section" className={sectionTitleClass}>
            {m.agencySection}
          </h2>
          <SelectField name="agencyCode" label={m.agency} required hint={m.agencyHint} options={agencies} defaultValue={agencyCode} />
        </section>
      ) : null}
      <section className={sectionClass} aria-labelledby="applicant-section">
        <h2 id="applicant-section" className={sectionTitleClass}>
          {m.applicant}
        </h2>
        <RadioGroupField
          name="applicantType"
          label={m.applicantType}
          required
          value={applicantType}
          onChange={setApplicantType}
          options={optionsOf(messages.applications.applicantTypes, ["natural_person", "organisation"])}
        />
        {person ? (
          <>
            <LimitedText name="name" label={m.name} required hint={m.nameHintPerson} maxLength={l.name} autoComplete="name" />
            <SelectField
              name="idType"
              label={m.idType}
              required
              placeholder={messages.kit.choose}
              options={optionsOf(messages.applications.idTypes, idTypes)}
            />
            <LimitedText name="idNumber" label={m.idNumber} required maxLength={l.idNumber} />
          </>
        ) : (
          <>
            <SelectField
              name="organisationKind"
              label={m.organisationKind}
              required
              placeholder={messages.kit.choose}
              options={optionsOf(messages.applications.organisationKinds, organisationKinds)}
            />
            <LimitedText name="name" label={m.name} required hint={m.nameHintOrganisation} maxLength={l.name} autoComplete="organization" />
            <LimitedText name="creditCode" label={m.creditCode} required hint={m.creditCodeHint} maxLength={l.creditCode + 4} />
            <LimitedText name="legalRepresentative" label={m.legalRepresentative} required maxLength={l.legalRepresentative} />
            <LimitedText name="contactName" label={m.contactName} maxLength={l.contactName} />
          </>
        )}
        <LimitedText name="phone" label={m.phone} type="tel" required maxLength={l.phone} autoComplete="tel" />
        <LimitedText name="email" label={m.email} type="email" maxLength={l.email} autoComplete="email" />
        <LimitedText name="address" label={m.address} hint={m.addressHint} maxLength={l.address} autoComplete="street-address" />
      </section>
      <section className={sectionClass} aria-labelledby="request-section">
        <h2 id="request-section" className={sectionTitleClass}>
          {m.request}
        </h2>
        <TextAreaField
          name="description"
          label={m.description}
          required
          rows={6}
          maxLength={l.description}
          hint={m.descriptionHint(l.description)}
          counter={(length) => m.counter(length, l.description)}
        />
        <SelectField
          name="informationForm"
          label={m.informationForm}
          placeholder={m.noPreference}
          options={optionsOf(messages.applications.informationForms, informationForms)}
        />
        <RadioGroupField name="deliveryMethod" label={m.deliveryMethod} required options={optionsOf(messages.applications.deliveryMethods, deliveryMethods)} />
      </section>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingLabel={`${m.submit}…`}>{offline ? c.register : m.submit}</SubmitButton>
        {!offline ? <p className="text-sm text-gray-700">{m.privacy}</p> : null}
      </div>
    </>
  );
}

/**
 * The application form: the public one, or (offline) the console's registration of an application
 * received by letter, in person, fax or email — on the shared form runtime (ActionForm, the kit's
 * fields). The idempotency key is made when the page renders, so a double click or a resent
 * submission of this page reaches the server with the same key.
 */
export function ApplicationForm({
  action,
  idempotencyKey,
  agencyName,
  offline = false,
  today,
  agencies,
  agencyCode,
}: {
  action: (state: ApplicationFormState, formData: FormData) => Promise<ApplicationFormState>;
  idempotencyKey: string;
  agencyName: string;
  offline?: boolean;
  today?: string;
  /** The public form's choice of agency (several agencies accept applications); `agencyCode` preselected. */
  agencies?: AgencyOption[];
  agencyCode?: string;
}) {
  return (
    <ActionForm<ApplicationReceipt>
      action={action}
      aria-label={offline ? c.registerTitle : m.title}
      className="space-y-6"
      renderSuccess={(state) => (state.result ? <Receipt receipt={state.result} agencyName={agencyName} offline={offline} /> : null)}
    >
      <ApplicationFields idempotencyKey={idempotencyKey} offline={offline} today={today} agencies={agencies} agencyCode={agencyCode} />
    </ActionForm>
  );
}
