import Link from "next/link";
import { agencyHref, type AddressedAgency } from "@/lib/agency/agency-address";
import { messages } from "@/lib/i18n";
import type { PublicPowerEntry } from "@/lib/powers/public-powers";

const m = messages.registers;

/** The legal basis, responsibilities and accountability of an entry, as a definition list. */
export function PowerEntryDetails({ entry }: { entry: PublicPowerEntry }) {
  const f = m.powers.fields;
  return (
    <dl className="space-y-2 text-sm leading-6">
      <div>
        <dt className="font-medium">{f.legalBasis}</dt>
        <dd>
          <ul className="list-disc pl-5">
            {entry.legalBasis.map((basis) => (
              <li key={basis}>{basis}</li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt className="font-medium">{f.responsibilities}</dt>
        <dd className="whitespace-pre-line">{entry.responsibilities}</dd>
      </div>
      <div>
        <dt className="font-medium">{f.accountability}</dt>
        <dd className="whitespace-pre-line">{entry.accountability}</dd>
      </div>
      {entry.statusNote ? (
        <div>
          <dt className="font-medium">{f.statusNote}</dt>
          <dd>{entry.statusNote}</dd>
        </div>
      ) : null}
    </dl>
  );
}

export function PowerStatusText({ entry }: { entry: Pick<PublicPowerEntry, "status" | "effectiveOn"> }) {
  return (
    <span className={entry.status === "retained" ? "" : "font-medium text-red-800"}>
      {m.powerStatuses[entry.status]}
      <span className="block text-xs text-gray-700">{entry.effectiveOn}</span>
    </span>
  );
}

/**
 * One row of a public power list; the details unfold in place (a past year's entry has no page of
 * its own). The entry's page keeps the list's agency (集约化).
 */
export function PowerEntryRow({ entry, agency }: { entry: PublicPowerEntry; agency: AddressedAgency }) {
  return (
    <tr className="border-t border-gray-200 align-top" data-testid="power-row">
      <td className="px-3 py-2 font-mono text-xs whitespace-nowrap" data-label={m.powers.columns.code}>
        {entry.code}
      </td>
      <td className="px-3 py-2" data-label={m.powers.columns.name}>
        {entry.id ? <Link href={agencyHref(`/powers/${entry.id}`, agency)}>{entry.name}</Link> : entry.name}
        <details className="mt-1">
          <summary className="cursor-pointer text-sm text-gray-700">{m.powers.details}</summary>
          <div className="mt-2">
            <PowerEntryDetails entry={entry} />
          </div>
        </details>
      </td>
      <td className="px-3 py-2 whitespace-nowrap" data-label={m.powers.columns.type}>
        {m.powerTypes[entry.type]}
      </td>
      <td className="px-3 py-2" data-label={m.powers.columns.section}>
        {entry.sectionName}
      </td>
      <td className="px-3 py-2 whitespace-nowrap" data-label={m.powers.columns.status}>
        <PowerStatusText entry={entry} />
      </td>
    </tr>
  );
}
