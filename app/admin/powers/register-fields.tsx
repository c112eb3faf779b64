"use client";

import { useId } from "react";
import { useFormState } from "@/components/forms/action-form";

const inputClass =
  "mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2 text-base text-gray-900 focus:border-blue-800 focus:outline-none focus:ring-2 focus:ring-blue-700 aria-[invalid=true]:border-red-700";

/** A textarea with its label, hint and errors, like TextField (components/forms/field.tsx). */
export function TextAreaField({ name, label, defaultValue, required, hint, rows = 4, maxLength }: { name: string; label: string; defaultValue?: string; required?: boolean; hint?: string; rows?: number; maxLength?: number }) {
  const id = `${useId().replaceAll(":", "")}-${name}`;
  const errors = useFormState().fields?.[name];
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block text-sm font-medium text-gray-900">
        {label}
        {required ? <span className="ml-1 text-red-700" aria-hidden="true">*</span> : null}
      </label>
      <textarea id={id} name={name} rows={rows} defaultValue={defaultValue} required={required} maxLength={maxLength}
        aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} className={inputClass} />
      {hint ? <p id={`${id}-hint`} className="mt-1 text-sm text-gray-700">{hint}</p> : null}
      {errors?.length ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700" data-testid={`error-${name}`}>{errors.join(" ")}</p> : null}
    </div>
  );
}

/** Errors of a field that has no single input (a list, a group of checkboxes). */
export function FieldErrors({ name }: { name: string }) {
  const errors = useFormState().fields?.[name];
  return errors?.length ? <p className="mt-1 text-sm text-red-700" data-testid={`error-${name}`}>{errors.join(" ")}</p> : null;
}
