import { notFound } from "next/navigation";
import { publicPage } from "@/app/(public)/_lib/public-metadata";
import { RegisterBreadcrumb } from "@/components/public/register-breadcrumb";
import { findPublicAgency } from "@/lib/agency/public-agency";
import { readPositiveInteger } from "@/lib/api/route-params";
import { messages } from "@/lib/i18n";
import type { PowerEntry } from "@/lib/powers/power-entry";
import type { PowerEntryField } from "@/lib/powers/power-list-diff";
import { comparePublicPowerLists, listPublicPowerListYears } from "@/lib/powers/public-powers";

export const dynamic = "force-dynamic";

const m = messages.registers;
const p = m.powers;

export const generateMetadata = publicPage(p.compare, "disclosure");

type Props = { searchParams: Promise<{ from?: string; to?: string; agency?: string | string[] }> };

function fieldValue(entry: PowerEntry, field: PowerEntryField): string {
  switch (field) {
    case "type":
      return m.powerTypes[entry.type];
    case "status":
      return m.powerStatuses[entry.status];
    case "legalBasis":
      return entry.legalBasis.join("；");
    default:
      return String(entry[field] ?? "—");
  }
}

function fieldLabel(field: PowerEntryField): string {
  const labels: Record<PowerEntryField, string> = { ...p.fields, sectionName: p.fields.section };
  return labels[field];
}

function EntryList({ title, entries, testId }: { title: string; entries: PowerEntry[]; testId: string }) {
  return (
    <section aria-label={title} className="mt-6" data-testid={testId}>
      <h2 className="text-lg font-semibold">
        {title}（{entries.length}）
      </h2>
      {entries.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-6 text-sm">
          {entries.map((entry) => (
            <li key={entry.code}>
              <span className="font-mono text-xs">{entry.code}</span> {entry.name}（{m.powerTypes[entry.type]}，{m.powerStatuses[entry.status]}）
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-gray-700">{p.none}</p>
      )}
    </section>
  );
}

/** What changed between two yearly lists of the default agency, or with `?agency=CODE` that agency's (集约化). */
export default async function PowerChangesPage({ searchParams }: Props) {
  const query = await searchParams;
  const agency = await findPublicAgency(query.agency);
  if (!agency) notFound();
  const years = await listPublicPowerListYears(agency.code);
  const from = readPositiveInteger(query.from ?? null) ?? years[1];
  const to = readPositiveInteger(query.to ?? null) ?? years[0];
  const diff = from && to && from !== to ? await comparePublicPowerLists(from, to, agency.code) : null;
  return (
    <div className="space-y-4">
      <RegisterBreadcrumb agency={agency} steps={[{ label: p.title, href: "/powers" }, { label: p.compare }]} className="text-sm text-gray-700" />
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="changes-title">
        <h1 id="changes-title" className="text-xl font-bold">
          {from && to ? p.compareTitle(from, to) : p.compare}
        </h1>
        {years.length < 2 ? (
          <p className="mt-4">{p.compareNeedsTwo}</p>
        ) : (
          <form key={`${from}-${to}`} method="get" className="no-print mt-4 flex flex-wrap items-end gap-3 text-sm" aria-label={p.compare}>
            {agency.isDefault ? null : <input type="hidden" name="agency" value={agency.code} />}
            {(
              [
                ["from", p.compareFrom, from],
                ["to", p.compareTo, to],
              ] as const
            ).map(([name, label, value]) => (
              <label key={name} className="flex flex-col">
                {label}
                <select name={name} defaultValue={value} className="mt-1 max-w-full rounded border border-gray-400 bg-white px-2 py-1">
                  {years.map((year) => (
                    <option key={year} value={year}>
                      {year}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <button type="submit" className="rounded border border-gray-500 bg-white px-3 py-1 hover:bg-gray-100">
              {p.compareButton}
            </button>
          </form>
        )}
        {from && to && from === to ? (
          <p className="mt-4" role="status">
            {p.compareSameYear}
          </p>
        ) : null}
        {years.length >= 2 && from !== to && !diff ? (
          <p className="mt-4" role="status">
            {p.yearNotFound}
          </p>
        ) : null}
        {diff ? (
          <>
            {!diff.added.length && !diff.removed.length && !diff.changed.length ? <p className="mt-4">{p.noChanges}</p> : null}
            <EntryList title={p.added} entries={diff.added} testId="powers-added" />
            <EntryList title={p.removed} entries={diff.removed} testId="powers-removed" />
            <section aria-label={p.changed} className="mt-6" data-testid="powers-changed">
              <h2 className="text-lg font-semibold">
                {p.changed}（{diff.changed.length}）
              </h2>
              {diff.changed.length ? (
                <div className="mt-2 overflow-x-auto">
                  <table className="stack-table w-full text-left text-sm">
                    <thead className="bg-gray-100">
                      <tr>
                        <th scope="col" className="px-3 py-2">
                          {p.columns.name}
                        </th>
                        <th scope="col" className="px-3 py-2">
                          {p.changedField}
                        </th>
                        <th scope="col" className="px-3 py-2">
                          {p.before}
                        </th>
                        <th scope="col" className="px-3 py-2">
                          {p.after}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {diff.changed.flatMap((change) =>
                        change.fields.map((field, index) => (
                          <tr key={`${change.code}-${field}`} className="border-t border-gray-200 align-top">
                            {index === 0 ? (
                              <td rowSpan={change.fields.length} className="px-3 py-2" data-label={p.columns.name}>
                                <span className="font-mono text-xs">{change.code}</span> {change.after.name}
                              </td>
                            ) : null}
                            <td className="px-3 py-2 whitespace-nowrap" data-label={p.changedField}>
                              {fieldLabel(field)}
                            </td>
                            <td className="px-3 py-2" data-label={p.before}>
                              <del className="text-red-800">{fieldValue(change.before, field)}</del>
                            </td>
                            <td className="px-3 py-2" data-label={p.after}>
                              <ins className="text-green-800 no-underline">{fieldValue(change.after, field)}</ins>
                            </td>
                          </tr>
                        )),
                      )}
                    </tbody>
                  </table>
                </div>
              ) : (
                <p className="mt-2 text-sm text-gray-700">{p.none}</p>
              )}
            </section>
            <p className="mt-4 text-sm text-gray-700">{p.unchanged(diff.unchanged)}</p>
          </>
        ) : null}
      </section>
    </div>
  );
}
