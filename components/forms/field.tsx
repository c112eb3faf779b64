"use client";

import { useId, useState, type ChangeEvent, type ReactNode } from "react";
import { useFormState } from "@/components/forms/action-form";
import { errorClass, fieldClass, fileInputClass, hintClass, inlineInputClass, inputClass, labelClass, legendClass } from "@/components/forms/styles";

/**
 * The form fields of the console and the public forms: a label, the control, a hint and the
 * field's errors, wired for screen readers — the control names its hint and its errors in
 * aria-describedby and says aria-invalid when the server refused it. Errors come from the
 * surrounding ActionForm (by field name) or, in a GET form rendered on the server, from `errors`.
 */

export type Option = { value: string | number; label: string };
export type OptionGroup = { label: string; options: Option[] };

type FieldBase = {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  /** A fixed id; by default every field gets its own. */
  id?: string;
  /** Errors to show instead of the surrounding form's (a GET form checked on the server). */
  errors?: string[];
  /** As wide as its content instead of the whole row (a filter beside others). */
  inline?: boolean;
};

/** The ids of one field and what its control needs to say about its hint and errors. */
export function useFieldWiring(
  name: string,
  { id, hint, errors, describedBy = [] }: { id?: string; hint?: string; errors?: string[]; describedBy?: string[] },
) {
  const generated = `${useId().replaceAll(":", "")}-${name}`;
  const state = useFormState();
  const fieldId = id ?? generated;
  const fieldErrors = errors ?? state.fields?.[name];
  const invalid = fieldErrors?.length ? true : undefined;
  const described = [hint ? `${fieldId}-hint` : null, invalid ? `${fieldId}-error` : null, ...describedBy].filter(Boolean).join(" ");
  return {
    id: fieldId,
    errors: fieldErrors,
    /** What was typed before a refused submission posted without JavaScript (FormState.values). */
    typed: state.values?.[name],
    aria: { "aria-invalid": invalid, "aria-describedby": described || undefined },
  };
}

function RequiredMark({ required }: { required?: boolean }) {
  return required ? (
    <span className="ml-1 text-red-700" aria-hidden="true">
      *
    </span>
  ) : null;
}

/** A field's errors as one line, or as a list when they are many lines (one per import problem). */
export function ErrorText({ id, name, errors, list, testId }: { id?: string; name: string; errors?: string[]; list?: boolean; testId?: string }) {
  if (!errors?.length) return null;
  const testid = testId ?? `error-${name}`;
  if (list) {
    return (
      <ul id={id} className="mt-2 max-h-80 list-disc space-y-1 overflow-auto pl-6 text-sm text-red-700" data-testid={testid}>
        {errors.map((error, index) => (
          <li key={index}>{error}</li>
        ))}
      </ul>
    );
  }
  return (
    <p id={id} className={errorClass} data-testid={testid}>
      {errors.join(" ")}
    </p>
  );
}

/** The errors of a name that has no single control (a list of checkboxes, the uploaded files, a step's refusal). */
export function FieldErrors({ name, id, list, testId }: { name: string; id?: string; list?: boolean; testId?: string }) {
  const errors = useFormState().fields?.[name];
  return <ErrorText id={id} name={name} errors={errors} list={list} testId={testId} />;
}

function FieldFrame({
  id,
  name,
  label,
  required,
  hint,
  errors,
  errorList,
  errorTestId,
  children,
  after,
}: {
  id: string;
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
  errors?: string[];
  errorList?: boolean;
  errorTestId?: string;
  children: ReactNode;
  after?: ReactNode;
}) {
  return (
    <div className={fieldClass}>
      <label htmlFor={id} className={labelClass}>
        {label}
        <RequiredMark required={required} />
      </label>
      {children}
      {after}
      {hint ? (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      ) : null}
      <ErrorText id={`${id}-error`} name={name} errors={errors} list={errorList} testId={errorTestId} />
    </div>
  );
}

type TextFieldProps = FieldBase & {
  type?: "text" | "email" | "tel" | "number" | "password" | "date" | "datetime-local" | "search" | "url";
  defaultValue?: string | number;
  autoComplete?: string;
  maxLength?: number;
  min?: number | string;
  max?: number | string;
  inputMode?: "numeric" | "decimal" | "text" | "tel" | "email";
  placeholder?: string;
  /** Controlled use: the value and its change handler. */
  value?: string;
  onChange?: (event: ChangeEvent<HTMLInputElement>) => void;
  /** More ids the control is described by (a live preview). */
  describedBy?: string[];
  after?: ReactNode;
};

export function TextField({
  name,
  label,
  hint,
  required,
  id,
  errors,
  inline,
  type = "text",
  defaultValue,
  autoComplete,
  maxLength,
  min,
  max,
  inputMode,
  placeholder,
  value,
  onChange,
  describedBy,
  after,
}: TextFieldProps) {
  const field = useFieldWiring(name, { id, hint, errors, describedBy });
  // A password is never sent back to the page.
  const initial = type === "password" ? defaultValue : (field.typed ?? defaultValue);
  const valueProps = onChange ? { value, onChange } : { defaultValue: initial };
  return (
    <FieldFrame id={field.id} name={name} label={label} required={required} hint={hint} errors={field.errors} after={after}>
      <input
        id={field.id}
        name={name}
        type={type}
        required={required}
        autoComplete={autoComplete}
        maxLength={maxLength}
        min={min}
        max={max}
        inputMode={inputMode}
        placeholder={placeholder}
        {...valueProps}
        {...field.aria}
        className={inline ? inlineInputClass : inputClass}
      />
    </FieldFrame>
  );
}

export function DateField(props: Omit<TextFieldProps, "type">) {
  return <TextField {...props} type="date" />;
}

type TextAreaFieldProps = FieldBase & {
  defaultValue?: string;
  rows?: number;
  maxLength?: number;
  /** Shows a live count of the characters typed (e.g. "已输入 12 / 2000 字"). */
  counter?: (length: number) => string;
};

export function TextAreaField({ name, label, hint, required, id, errors, defaultValue, rows = 4, maxLength, counter }: TextAreaFieldProps) {
  const generatedCounterId = `${useId().replaceAll(":", "")}-${name}-counter`;
  const field = useFieldWiring(name, { id, hint, errors, describedBy: counter ? [generatedCounterId] : [] });
  const initial = field.typed ?? defaultValue;
  const [length, setLength] = useState(initial?.length ?? 0);
  return (
    <FieldFrame
      id={field.id}
      name={name}
      label={label}
      required={required}
      hint={hint}
      errors={field.errors}
      after={
        counter ? (
          <p id={generatedCounterId} className="mt-1 text-right text-sm text-gray-700" aria-live="polite" data-testid={`${name}-counter`}>
            {counter(length)}
          </p>
        ) : null
      }
    >
      <textarea
        id={field.id}
        name={name}
        rows={rows}
        required={required}
        maxLength={maxLength}
        defaultValue={initial}
        onChange={counter ? (event) => setLength(event.currentTarget.value.length) : undefined}
        {...field.aria}
        className={inputClass}
      />
    </FieldFrame>
  );
}

type SelectFieldProps = FieldBase & {
  options?: Option[];
  /** Options in labelled groups (optgroup), after `options`. */
  groups?: OptionGroup[];
  /** An empty first option ("请选择"). */
  placeholder?: string;
  defaultValue?: string | number;
  value?: string;
  onChange?: (event: ChangeEvent<HTMLSelectElement>) => void;
};

export function SelectField({
  name,
  label,
  hint,
  required,
  id,
  errors,
  inline,
  options = [],
  groups = [],
  placeholder,
  defaultValue,
  value,
  onChange,
}: SelectFieldProps) {
  const field = useFieldWiring(name, { id, hint, errors });
  const valueProps = onChange ? { value, onChange } : { defaultValue: field.typed ?? defaultValue ?? (placeholder !== undefined ? "" : undefined) };
  return (
    <FieldFrame id={field.id} name={name} label={label} required={required} hint={hint} errors={field.errors}>
      <select id={field.id} name={name} required={required} {...valueProps} {...field.aria} className={inline ? inlineInputClass : inputClass}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </FieldFrame>
  );
}

type FileFieldProps = FieldBase & { accept: string; multiple?: boolean; /** The errors' test id, when not error-<name>. */ errorTestId?: string };

/** A file input; its errors are a list, since an import refuses a file with one line per problem. */
export function FileField({ name, label, hint, required, id, errors, accept, multiple, errorTestId }: FileFieldProps) {
  const field = useFieldWiring(name, { id, hint, errors });
  return (
    <FieldFrame id={field.id} name={name} label={label} required={required} hint={hint} errors={field.errors} errorList errorTestId={errorTestId}>
      <input id={field.id} type="file" name={name} accept={accept} multiple={multiple} required={required} {...field.aria} className={fileInputClass} />
    </FieldFrame>
  );
}

type CheckboxFieldProps = Omit<FieldBase, "required"> & { value?: string; defaultChecked?: boolean; disabled?: boolean; required?: boolean };

/** One checkbox with its label to the right (a confirmation, an opt-in). */
export function CheckboxField({ name, label, hint, id, errors, value = "on", defaultChecked, disabled, required }: CheckboxFieldProps) {
  const field = useFieldWiring(name, { id, hint, errors });
  return (
    <div className={fieldClass}>
      <label htmlFor={field.id} className="flex items-start gap-2 text-sm text-gray-900">
        <input
          id={field.id}
          type="checkbox"
          name={name}
          value={value}
          defaultChecked={defaultChecked}
          disabled={disabled}
          required={required}
          {...field.aria}
          className="mt-1"
        />
        <span>{label}</span>
      </label>
      {hint ? (
        <p id={`${field.id}-hint`} className={hintClass}>
          {hint}
        </p>
      ) : null}
      <ErrorText id={`${field.id}-error`} name={name} errors={field.errors} />
    </div>
  );
}

type ChoiceGroupProps = FieldBase & { options: Option[] };

function ChoiceGroup({ name, label, hint, required, id, errors, children }: Omit<ChoiceGroupProps, "options"> & { children: ReactNode }) {
  const field = useFieldWiring(name, { id, hint, errors });
  return (
    <fieldset className={fieldClass} {...field.aria}>
      <legend className={legendClass}>
        {label}
        <RequiredMark required={required} />
      </legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">{children}</div>
      {hint ? (
        <p id={`${field.id}-hint`} className={hintClass}>
          {hint}
        </p>
      ) : null}
      <ErrorText id={`${field.id}-error`} name={name} errors={field.errors} />
    </fieldset>
  );
}

/** Checkboxes sharing one name (a multi-select that works with a keyboard). */
export function CheckboxGroupField({ options, selected, ...group }: ChoiceGroupProps & { selected: (string | number)[] }) {
  const chosen = new Set(selected.map(String));
  return (
    <ChoiceGroup {...group}>
      {options.map((option) => (
        <label key={option.value} className="flex items-center gap-1 text-sm text-gray-900">
          <input type="checkbox" name={group.name} value={option.value} defaultChecked={chosen.has(String(option.value))} />
          {option.label}
        </label>
      ))}
    </ChoiceGroup>
  );
}

/** Radio buttons; controlled when `onChange` is given (a choice that shows or hides other fields). */
export function RadioGroupField({
  options,
  defaultValue,
  value,
  onChange,
  ...group
}: ChoiceGroupProps & { defaultValue?: string; value?: string; onChange?: (value: string) => void }) {
  const typed = useFormState().values?.[group.name];
  return (
    <ChoiceGroup {...group}>
      {options.map((option) => (
        <label key={option.value} className="flex items-center gap-2 text-sm text-gray-900">
          <input
            type="radio"
            name={group.name}
            value={option.value}
            required={group.required}
            {...(onChange
              ? { checked: value === String(option.value), onChange: () => onChange(String(option.value)) }
              : { defaultChecked: (typed ?? defaultValue) === String(option.value) })}
          />
          {option.label}
        </label>
      ))}
    </ChoiceGroup>
  );
}
