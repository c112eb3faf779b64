"use client";

import { createContext, useActionState, useContext, useEffect, useRef, type ReactNode } from "react";
import { idleFormState, type FormState } from "@/lib/forms/form-state";

const FormStateContext = createContext<FormState>(idleFormState);

export function useFormState(): FormState {
  return useContext(FormStateContext);
}

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  children: ReactNode;
  className?: string;
  /** Clear the inputs after a successful submission (create forms). */
  resetOnSuccess?: boolean;
  "aria-label"?: string;
};

/** A form bound to a server action; field errors and notices reach its fields through context. */
export function ActionForm({ action, children, className, resetOnSuccess, ...rest }: Props) {
  const [state, formAction] = useActionState(action, idleFormState);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (resetOnSuccess && state.status === "success") formRef.current?.reset();
  }, [state, resetOnSuccess]);
  return (
    <FormStateContext.Provider value={state}>
      <form ref={formRef} action={formAction} className={className} noValidate aria-label={rest["aria-label"]}>
        <FormNotice state={state} />
        {children}
      </form>
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
