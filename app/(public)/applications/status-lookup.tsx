"use client";

import { useActionState, useTransition, type FormEvent } from "react";
import { messages } from "@/lib/i18n";
import { lookUpApplicationAction, type LookupState } from "./actions";

const m = messages.applications.publicStatus;
const inputClass =
  "mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2 font-mono text-base text-gray-900 focus:border-blue-800 focus:outline-none focus:ring-2 focus:ring-blue-700 aria-[invalid=true]:border-red-700";

function Field({ name, label, state, autoComplete }: { name: "number" | "code"; label: string; state: LookupState; autoComplete?: string }) {
  const errors = state.fields?.[name];
  return (
    <div className="mb-4">
      <label htmlFor={`lookup-${name}`} className="block text-sm font-medium">
        {label}
        <span className="ml-1 text-red-700" aria-hidden="true">
          *
        </span>
      </label>
      <input
        id={`lookup-${name}`}
        name={name}
        required
        defaultValue={state[name]}
        maxLength={40}
        autoComplete={autoComplete}
        spellCheck={false}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `lookup-${name}-error` : undefined}
        className={inputClass}
      />
      {errors?.length ? (
        <p id={`lookup-${name}-error`} className="mt-1 text-sm text-red-700" data-testid={`error-${name}`}>
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** The reply download is a POST, so the lookup code never appears in an address or a server log. */
function ReplyDownloads({ number, code }: { number: string; code: string }) {
  return (
    <div className="mt-3 flex flex-wrap gap-3">
      {(["docx", "html"] as const).map((format) => (
        <form key={format} method="post" action="/applications/reply" target={format === "html" ? "_blank" : undefined}>
          <input type="hidden" name="number" value={number} />
          <input type="hidden" name="code" value={code} />
          <input type="hidden" name="format" value={format} />
          <button type="submit" className="rounded border border-blue-800 bg-white px-4 py-2 text-sm font-medium text-blue-900 hover:bg-blue-50">
            {format === "docx" ? m.downloadDocx : m.printHtml}
          </button>
        </form>
      ))}
    </div>
  );
}

function Result({ state }: { state: LookupState }) {
  const result = state.result!;
  return (
    <section className="mt-6 rounded border border-gray-300 bg-white p-6" aria-labelledby="status-title" data-testid="application-status">
      <h2 id="status-title" className="text-lg font-semibold">
        {result.number}
      </h2>
      <dl className="mt-3 grid gap-2 sm:grid-cols-[8rem_1fr]">
        <dt className="text-gray-800">{m.status}</dt>
        <dd data-testid="status-label" className="font-semibold">
          {result.statusLabel}
        </dd>
        <dt className="text-gray-800">{m.agency}</dt>
        <dd data-testid="status-agency">
          {result.agencyName}
          {result.transferred ? (
            <span className="ml-2 text-sm text-gray-800">{m.transferred(result.transferred.on, result.transferred.agencyName)}</span>
          ) : null}
        </dd>
        <dt className="text-gray-800">{m.receivedOn}</dt>
        <dd>{result.receivedOn}</dd>
        {result.reply ? null : (
          <>
            <dt className="text-gray-800">{m.dueOn}</dt>
            <dd data-testid="status-due">
              {result.dueOn ?? m.noDue}
              {result.dueOn && result.provisional ? messages.applications.deadlines.provisional : ""}
            </dd>
          </>
        )}
      </dl>
      <h3 className="mt-5 font-semibold">{m.timeline}</h3>
      <ol className="mt-2 space-y-1 border-l-2 border-gray-300 pl-4" data-testid="status-timeline">
        {result.timeline.map((event, index) => (
          <li key={index}>
            <span className="font-mono text-sm text-gray-700">{event.date}</span>　{event.label}
          </li>
        ))}
      </ol>
      <h3 className="mt-5 font-semibold">{m.reply}</h3>
      {result.reply ? (
        <div data-testid="status-reply">
          <p className="mt-1">
            {result.reply.title}（{m.issuedOn}：{result.reply.issuedOn}；{m.outcome}：{result.reply.outcomeLabel}）
          </p>
          <ReplyDownloads number={result.number} code={state.code ?? ""} />
        </div>
      ) : (
        <p className="mt-1 text-gray-800">{m.replyNotYet}</p>
      )}
    </section>
  );
}

export function StatusLookup() {
  const [state, formAction] = useActionState(lookUpApplicationAction, { status: "idle" } as LookupState);
  const [pending, startTransition] = useTransition();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };
  return (
    <>
      <form
        action={formAction}
        onSubmit={submit}
        noValidate
        aria-label={m.title}
        aria-busy={pending || undefined}
        className="rounded border border-gray-300 bg-white p-6"
      >
        {state.status === "error" && state.message ? (
          <div role="alert" data-testid="form-error" className="mb-4 rounded border border-red-700 bg-red-50 px-3 py-2 text-sm text-red-900">
            {state.message}
          </div>
        ) : null}
        <Field name="number" label={m.number} state={state} />
        <Field name="code" label={m.code} state={state} autoComplete="off" />
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-red-800 px-6 py-2 font-medium whitespace-nowrap text-white hover:bg-red-900 disabled:opacity-60"
        >
          {m.submit}
        </button>
      </form>
      {state.status === "found" && state.result ? <Result state={state} /> : null}
    </>
  );
}
