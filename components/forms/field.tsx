"use client";

import { useId, type ReactNode } from "react";
import { useFormState } from "@/components/forms/action-form";

type FieldProps = {
  name: string;
  label: string;
  type?: string;
  defaultValue?: string | number;
  required?: boolean;
  autoComplete?: string;
  hint?: string;
  maxLength?: number;
};

const inputClass =
  "mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2 text-base text-gray-900 focus:border-blue-800 focus:outline-none focus:ring-2 focus:ring-blue-700 aria-[invalid=true]:border-red-700";

function FieldFrame({ id, label, required, hint, errors, children }: { id: string; label: string; required?: boolean; hint?: string; errors?: string[]; children: ReactNode }) {
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block text-sm font-medium text-gray-900">
        {label}
        {required ? <span className="ml-1 text-red-700" aria-hidden="true">*</span> : null}
      </label>
      {children}
      {hint ? <p id={`${id}-hint`} className="mt-1 text-sm text-gray-700">{hint}</p> : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700" data-testid={`error-${id.split("-").pop()}`}>
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint?: string, errors?: string[]) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function TextField({ name, label, type = "text", defaultValue, required, autoComplete, hint, maxLength }: FieldProps) {
  const id = `${useId().replaceAll(":", "")}-${name}`;
  const errors = useFormState().fields?.[name];
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} errors={errors}>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        required={required}
        autoComplete={autoComplete}
        maxLength={maxLength}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={inputClass}
      />
    </FieldFrame>
  );
}

export function SelectField({ name, label, options, defaultValue, required }: { name: string; label: string; options: { value: string | number; label: string }[]; defaultValue?: string | number; required?: boolean }) {
  const id = `${useId().replaceAll(":", "")}-${name}`;
  const errors = useFormState().fields?.[name];
  return (
    <FieldFrame id={id} label={label} required={required} errors={errors}>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, undefined, errors)}
        className={inputClass}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </FieldFrame>
  );
}
