import type { ReactNode } from "react";
import { buttonClass, compactInputClass } from "@/components/forms/styles";

/**
 * The filters above a list: a GET form, so the filtered list has an address and works without
 * JavaScript. Each control is wrapped in its label. `summary` (the count of results) sits on the right.
 */
export function FilterBar({
  label,
  submitLabel,
  summary,
  summaryTestId,
  after,
  action,
  children,
}: {
  label: string;
  /** Another page to show the result on (default: this one). */
  action?: string;
  submitLabel: string;
  summary?: ReactNode;
  summaryTestId?: string;
  /** After the button (a reset link). */
  after?: ReactNode;
  children: ReactNode;
}) {
  return (
    <form method="get" action={action} className="no-print flex flex-wrap items-end gap-3 text-sm" aria-label={label}>
      {children}
      <button type="submit" className={buttonClass.filter}>
        {submitLabel}
      </button>
      {after}
      {summary !== undefined ? (
        <span className="ml-auto text-gray-700" data-testid={summaryTestId}>
          {summary}
        </span>
      ) : null}
    </form>
  );
}

type Choice = { value: string | number; label: string };

export function FilterSelect({
  name,
  label,
  options,
  defaultValue,
  allLabel,
}: {
  name: string;
  label: string;
  options: Choice[];
  defaultValue?: string | number;
  allLabel?: string;
}) {
  return (
    <label className="flex max-w-full flex-col">
      {label}
      <select name={name} defaultValue={defaultValue ?? ""} className={`mt-1 ${compactInputClass}`}>
        {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const widths = { auto: "", narrow: "w-24", wide: "min-w-56" } as const;

export function FilterInput({
  name,
  label,
  type = "text",
  defaultValue,
  min,
  max,
  width = "auto",
}: {
  name: string;
  label: string;
  type?: "text" | "search" | "number";
  defaultValue?: string | number;
  min?: number;
  max?: number;
  width?: keyof typeof widths;
}) {
  return (
    <label className="flex max-w-full flex-col">
      {label}
      <input name={name} type={type} defaultValue={defaultValue} min={min} max={max} className={`mt-1 max-w-full ${compactInputClass} ${widths[width]}`} />
    </label>
  );
}

export function FilterCheckbox({ name, label, defaultChecked, value = "1" }: { name: string; label: string; defaultChecked?: boolean; value?: string }) {
  return (
    <label className="flex items-center gap-1">
      <input type="checkbox" name={name} value={value} defaultChecked={defaultChecked} />
      {label}
    </label>
  );
}
