"use client";

import Link from "next/link";
import { createContext, useActionState, useContext, useId, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { applicationTextLimits, deliveryMethods, idTypes, informationForms, organisationKinds, receiptMethods } from "@/lib/applications/application-fields";
import { applicationsMessages } from "@/lib/i18n/zh-CN/applications";
import { idleApplicationFormState, type ApplicationFormState } from "./form-state";

const m = applicationsMessages.publicForm;
const inputClass =
  "mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2 text-base text-gray-900 focus:border-blue-800 focus:outline-none focus:ring-2 focus:ring-blue-700 aria-[invalid=true]:border-red-700";

const StateContext = createContext<ApplicationFormState>(idleApplicationFormState);

function useField(name: string) {
  const state = useContext(StateContext);
  const id = `${useId().replaceAll(":", "")}-${name}`;
  return { id, errors: state.fields?.[name], value: state.values?.[name] };
}

function Frame({ id, label, required, hint, errors, children }: { id: string; label: string; required?: boolean; hint?: string; errors?: string[]; children: ReactNode }) {
  const name = id.split("-").pop();
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block text-sm font-medium text-gray-900">
        {label}
        {required ? <span className="ml-1 text-red-700" aria-hidden="true">*</span> : null}
      </label>
      {children}
      {hint ? <p id={`${id}-hint`} className="mt-1 text-sm text-gray-700">{hint}</p> : null}
      {errors?.length ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700" data-testid={`error-${name}`}>{errors.join(" ")}</p> : null}
    </div>
  );
}

const describedBy = (id: string, hint?: string, errors?: string[]) =>
  [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

function Text({ name, label, required, hint, maxLength, type = "text", autoComplete }: { name: string; label: string; required?: boolean; hint?: string; maxLength?: number; type?: string; autoComplete?: string }) {
  const { id, errors, value } = useField(name);
  const fullHint = [hint, maxLength ? m.maxHint(maxLength) : null].filter(Boolean).join("；") || undefined;
  return (
    <Frame id={id} label={label} required={required} hint={fullHint} errors={errors}>
      <input id={id} name={name} type={type} defaultValue={value} required={required} maxLength={maxLength} autoComplete={autoComplete}
        aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, fullHint, errors)} className={inputClass} />
    </Frame>
  );
}

function Select({ name, label, options, required, placeholder }: { name: string; label: string; options: { value: string; label: string }[]; required?: boolean; placeholder?: string }) {
  const { id, errors, value } = useField(name);
  return (
    <Frame id={id} label={label} required={required} errors={errors}>
      <select id={id} name={name} defaultValue={value ?? ""} required={required} aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, undefined, errors)} className={inputClass}>
        <option value="">{placeholder ?? m.choose}</option>
        {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
    </Frame>
  );
}

function Description() {
  const { id, errors, value } = useField("description");
  const [length, setLength] = useState(value?.length ?? 0);
  const max = applicationTextLimits.description;
  const hint = m.descriptionHint(max);
  return (
    <Frame id={id} label={m.description} required hint={hint} errors={errors}>
      <textarea id={id} name="description" rows={6} required maxLength={max} defaultValue={value}
        onChange={(event) => setLength(event.currentTarget.value.length)}
        aria-invalid={errors?.length ? true : undefined} aria-describedby={[describedBy(id, hint, errors), `${id}-counter`].filter(Boolean).join(" ")} className={inputClass} />
      <p id={`${id}-counter`} className="mt-1 text-right text-sm text-gray-700" aria-live="polite" data-testid="description-counter">{m.counter(length, max)}</p>
    </Frame>
  );
}

function RadioGroup({ name, legend, options, value, onChange, required }: { name: string; legend: string; options: { value: string; label: string }[]; value?: string; onChange?: (value: string) => void; required?: boolean }) {
  const { id, errors, value: typed } = useField(name);
  return (
    <fieldset className="mb-4" aria-describedby={errors?.length ? `${id}-error` : undefined} aria-invalid={errors?.length ? true : undefined}>
      <legend className="text-sm font-medium text-gray-900">{legend}{required ? <span className="ml-1 text-red-700" aria-hidden="true">*</span> : null}</legend>
      <div className="mt-2 flex flex-wrap gap-4">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-base">
            <input type="radio" name={name} value={option.value} required={required}
              {...(onChange ? { checked: value === option.value, onChange: () => onChange(option.value) } : { defaultChecked: typed === option.value })} />
            {option.label}
          </label>
        ))}
      </div>
      {errors?.length ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700" data-testid={`error-${name}`}>{errors.join(" ")}</p> : null}
    </fieldset>
  );
}

const optionsOf = (labels: Record<string, string>, values: readonly string[]) => values.map((value) => ({ value, label: labels[value] }));

function Receipt({ receipt, agencyName, offline }: { receipt: NonNullable<ApplicationFormState["receipt"]>; agencyName: string; offline: boolean }) {
  const rows: [string, string, string][] = [
    [m.number, receipt.number, "receipt-number"],
    [m.lookupCode, receipt.lookupCode, "receipt-code"],
    [m.receivedOn, receipt.receivedOn, "receipt-received"],
    [m.dueOn, receipt.dueOn, "receipt-due"],
    [m.agency, agencyName, "receipt-agency"],
  ];
  return (
    <section className="rounded border border-green-700 bg-white p-6" aria-labelledby="receipt-title" data-testid="application-receipt" role="status">
      <h2 id="receipt-title" className="text-xl font-bold">{m.receiptTitle}</h2>
      <p className="mt-2">{m.receiptIntro}</p>
      <dl className="mt-4 grid gap-2 sm:grid-cols-[8rem_1fr]">
        {rows.map(([label, value, testId]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-gray-800">{label}</dt>
            <dd className={testId === "receipt-code" || testId === "receipt-number" ? "font-mono text-lg font-bold" : ""} data-testid={testId}>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-gray-800">{receipt.receiptExplanation}</p>
      <p className="mt-1 text-sm text-gray-800">{m.dueOnHint}</p>
      <p className="mt-3 rounded border border-amber-700 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-950">{m.receiptShownOnce}</p>
      <div className="no-print mt-4 flex flex-wrap gap-3">
        <button type="button" onClick={() => window.print()} className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900">{m.print}</button>
        {offline ? (
          <Link href={`/admin/applications/${receipt.id}`} className="rounded border border-gray-500 px-4 py-2 text-sm">{applicationsMessages.console.title}：{receipt.number}</Link>
        ) : (
          <>
            <Link href="/applications" className="rounded border border-gray-500 px-4 py-2 text-sm">{m.lookupLink}</Link>
            {/* A full reload, so the next form gets a new submission key. */}
            <a href="/apply" className="rounded border border-gray-500 px-4 py-2 text-sm">{m.another}</a>
          </>
        )}
      </div>
    </section>
  );
}

/**
 * The application form: the public one, or (offline) the console's registration of an application
 * received by letter, in person, fax or email. The idempotency key is made when the page renders,
 * so a double click or a resent submission of this page reaches the server with the same key.
 */
export function ApplicationForm({
  action, idempotencyKey, agencyName, offline = false, today,
}: {
  action: (state: ApplicationFormState, formData: FormData) => Promise<ApplicationFormState>;
  idempotencyKey: string;
  agencyName: string;
  offline?: boolean;
  today?: string;
}) {
  const [state, formAction] = useActionState(action, idleApplicationFormState);
  const [pending, startTransition] = useTransition();
  const [applicantType, setApplicantType] = useState(state.values?.applicantType ?? "natural_person");
  if (state.status === "success" && state.receipt) return <Receipt receipt={state.receipt} agencyName={agencyName} offline={offline} />;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };
  const person = applicantType === "natural_person";
  const l = applicationTextLimits;
  const c = applicationsMessages.console;
  return (
    <StateContext.Provider value={state}>
      <form action={formAction} onSubmit={submit} noValidate aria-label={offline ? c.registerTitle : m.title} aria-busy={pending || undefined} className="space-y-6">
        {state.status === "error" && state.message ? (
          <div role="alert" data-testid="form-error" className="rounded border border-red-700 bg-red-50 px-3 py-2 text-sm text-red-900">{state.message}</div>
        ) : null}
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {offline ? (
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="receipt-section">
            <h2 id="receipt-section" className="mb-3 text-lg font-semibold">{c.receiptMethod}</h2>
            <Select name="receiptMethod" label={c.receiptMethod} required options={optionsOf(applicationsMessages.receiptMethods, receiptMethods.filter((method) => method !== "online"))} />
            <Text name="receivedOn" label={c.receivedOn} type="date" required hint={c.receivedOnHint} />
            {today ? <p className="text-sm text-gray-700">{c.today(today)}</p> : null}
          </section>
        ) : null}
        <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="applicant-section">
          <h2 id="applicant-section" className="mb-3 text-lg font-semibold">{m.applicant}</h2>
          <RadioGroup name="applicantType" legend={m.applicantType} required value={applicantType} onChange={setApplicantType}
            options={optionsOf(applicationsMessages.applicantTypes, ["natural_person", "organisation"])} />
          {person ? (
            <>
              <Text name="name" label={m.name} required hint={m.nameHintPerson} maxLength={l.name} autoComplete="name" />
              <Select name="idType" label={m.idType} required options={optionsOf(applicationsMessages.idTypes, idTypes)} />
              <Text name="idNumber" label={m.idNumber} required maxLength={l.idNumber} />
            </>
          ) : (
            <>
              <Select name="organisationKind" label={m.organisationKind} required options={optionsOf(applicationsMessages.organisationKinds, organisationKinds)} />
              <Text name="name" label={m.name} required hint={m.nameHintOrganisation} maxLength={l.name} autoComplete="organization" />
              <Text name="creditCode" label={m.creditCode} required hint={m.creditCodeHint} maxLength={l.creditCode + 4} />
              <Text name="legalRepresentative" label={m.legalRepresentative} required maxLength={l.legalRepresentative} />
              <Text name="contactName" label={m.contactName} maxLength={l.contactName} />
            </>
          )}
          <Text name="phone" label={m.phone} type="tel" required maxLength={l.phone} autoComplete="tel" />
          <Text name="email" label={m.email} type="email" maxLength={l.email} autoComplete="email" />
          <Text name="address" label={m.address} hint={m.addressHint} maxLength={l.address} autoComplete="street-address" />
        </section>
        <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="request-section">
          <h2 id="request-section" className="mb-3 text-lg font-semibold">{m.request}</h2>
          <Description />
          <Select name="informationForm" label={m.informationForm} placeholder={m.noPreference} options={optionsOf(applicationsMessages.informationForms, informationForms)} />
          <RadioGroup name="deliveryMethod" legend={m.deliveryMethod} required options={optionsOf(applicationsMessages.deliveryMethods, deliveryMethods)} />
        </section>
        <div className="flex items-center gap-4">
          <button type="submit" disabled={pending}
            className="rounded bg-blue-800 px-6 py-2 text-base font-medium text-white hover:bg-blue-900 focus:outline-none focus:ring-2 focus:ring-blue-700 focus:ring-offset-2 disabled:opacity-60">
            {pending ? applicationsMessages.publicForm.submit + "…" : offline ? c.register : m.submit}
          </button>
          {!offline ? <p className="text-sm text-gray-700">{m.privacy}</p> : null}
        </div>
      </form>
    </StateContext.Provider>
  );
}
