"use client";

import { useId } from "react";
import { ActionForm, useFormState } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";

/** Form pieces the shared components/forms do not have: text areas, checkbox groups, file inputs. */

const inputClass =
  "mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2 text-base text-gray-900 focus:border-blue-800 focus:outline-none focus:ring-2 focus:ring-blue-700 aria-[invalid=true]:border-red-700";

export function FieldError({ name, id }: { name: string; id?: string }) {
  const errors = useFormState().fields?.[name];
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700" data-testid={`error-${name}`}>
      {errors.join(" ")}
    </p>
  );
}

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
      <FieldError name={name} id={`${id}-error`} />
    </div>
  );
}

export function CheckboxGroupField({ name, label, options, selected, hint, required }: { name: string; label: string; options: { value: string | number; label: string }[]; selected: (string | number)[]; hint?: string; required?: boolean }) {
  const id = `${useId().replaceAll(":", "")}-${name}`;
  return (
    <fieldset className="mb-4" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="text-sm font-medium text-gray-900">
        {label}
        {required ? <span className="ml-1 text-red-700" aria-hidden="true">*</span> : null}
      </legend>
      <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-1 text-sm">
            <input type="checkbox" name={name} value={option.value} defaultChecked={selected.map(String).includes(String(option.value))} />
            {option.label}
          </label>
        ))}
      </div>
      {hint ? <p id={`${id}-hint`} className="mt-1 text-sm text-gray-700">{hint}</p> : null}
      <FieldError name={name} />
    </fieldset>
  );
}

/** A file input whose errors can be many lines (one per import problem). */
export function FileField({ name, label, accept, hint }: { name: string; label: string; accept: string; hint?: string }) {
  const id = `${useId().replaceAll(":", "")}-${name}`;
  const errors = useFormState().fields?.[name];
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block text-sm font-medium text-gray-900">{label}</label>
      <input id={id} type="file" name={name} accept={accept} required aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined} className="mt-1 block text-sm" />
      {hint ? <p id={`${id}-hint`} className="mt-1 text-sm text-gray-700">{hint}</p> : null}
      {errors?.length ? (
        <ul id={`${id}-error`} className="mt-2 max-h-80 list-disc overflow-auto pl-6 text-sm text-red-700" data-testid={`error-${name}`}>
          {errors.map((error, index) => <li key={index}>{error}</li>)}
        </ul>
      ) : null}
    </div>
  );
}

/** A form that is only a button (activate / deactivate, remove), with its notice. */
export function ButtonForm({ action, label, ariaLabel, variant = "secondary" }: { action: (state: FormState) => Promise<FormState>; label: string; ariaLabel: string; variant?: "primary" | "secondary" | "danger" }) {
  return (
    <ActionForm action={(state) => action(state)} aria-label={ariaLabel}>
      <SubmitButton variant={variant}>{label}</SubmitButton>
    </ActionForm>
  );
}
