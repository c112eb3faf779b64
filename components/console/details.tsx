import type { ReactNode } from "react";

export type Detail = [label: string, value: ReactNode];

const labelWidths = { narrow: "w-20", default: "w-24", wide: "w-28", wider: "w-40" } as const;

/** A record's properties as label–value pairs, in one or two columns. */
export function DescriptionList({
  items,
  columns = 2,
  labelWidth = "default",
  testId,
}: {
  items: Detail[];
  columns?: 1 | 2;
  labelWidth?: keyof typeof labelWidths;
  testId?: string;
}) {
  return (
    <dl className={`grid grid-cols-1 gap-x-6 gap-y-2 text-sm ${columns === 2 ? "sm:grid-cols-2" : ""}`} data-testid={testId}>
      {items.map(([label, value]) => (
        <div key={label} className="flex gap-2">
          <dt className={`${labelWidths[labelWidth]} shrink-0 text-gray-700`}>{label}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Label–value rows as a table with row headers (long values: legal bases, decision texts). */
export function KeyValueTable({ rows, labelWidth = "w-28", testId }: { rows: Detail[]; labelWidth?: "w-28" | "w-48"; testId?: string }) {
  return (
    <table className="w-full border-collapse text-sm" data-testid={testId}>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label} className="align-top">
            <th scope="row" className={`${labelWidth} border-b border-gray-200 py-2 pr-3 text-left font-medium text-gray-700`}>
              {label}
            </th>
            <td className="border-b border-gray-200 py-2 whitespace-pre-line">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
