"use client";

import { createContext, useActionState, useContext, useEffect, useRef, useTransition, type FormEvent, type ReactNode } from "react";
import { idleFormState, type FormState } from "@/lib/forms/form-state";

const FormStateContext = createContext<FormState>(idleFormState);
const FormPendingContext = createContext(false);

export function useFormState(): FormState {
  return useContext(FormStateContext);
}

/** True while the surrounding ActionForm's submission runs. */
export function useFormPending(): boolean {
  return useContext(FormPendingContext);
}

type Props<Result> = {
  action: (state: FormState<Result>, formData: FormData) => Promise<FormState<Result>>;
  children: ReactNode;
  className?: string;
  /** Clear the inputs after a successful submission (create forms). */
  resetOnSuccess?: boolean;
  /** Shown instead of the form once the action succeeded (the application form's receipt). */
  renderSuccess?: (state: FormState<Result>) => ReactNode;
  "aria-label"?: string;
};

/**
 * A form bound to a server action; field errors and notices reach its fields through context.
 * Submitted from onSubmit rather than React's form action, because React resets a form after
 * every action: a validation error would throw away what the user typed. A second submission
 * while the first runs is ignored (a double click sends one). Without JavaScript the plain
 * `action` still works: the page is rendered again with the action's state.
 */
export function ActionForm<Result = unknown>({ action, children, className, resetOnSuccess, renderSuccess, ...rest }: Props<Result>) {
  const [state, formAction] = useActionState(action, idleFormState as FormState<Result>);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (resetOnSuccess && state.status === "success") formRef.current?.reset();
  }, [state, resetOnSuccess]);
  if (renderSuccess && state.status === "success") return <>{renderSuccess(state)}</>;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(formData));
  };
  return (
    <FormStateContext.Provider value={state as FormState}>
      <FormPendingContext.Provider value={pending}>
        <form
          ref={formRef}
          action={formAction}
          onSubmit={submit}
          className={className}
          noValidate
          aria-label={rest["aria-label"]}
          aria-busy={pending || undefined}
        >
          <FormNotice state={state as FormState} />
          {children}
        </form>
      </FormPendingContext.Provider>
    </FormStateContext.Provider>
  );
}

function FormNotice({ state }: { state: FormState }) {
  if (state.status === "idle" || !state.message) return null;
  const success = state.status === "success";
  return (
    <div
      data-testid={success ? "form-success" : "form-error"}
      role={success ? "status" : "alert"}
      className={`mb-4 rounded border px-3 py-2 text-sm ${success ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-900"}`}
    >
      {state.message}
      {state.secret ? (
        <code data-testid="form-secret" className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-base text-black">
          {state.secret}
        </code>
      ) : null}
    </div>
  );
}
