import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { publicMetadata } from "@/app/(public)/_lib/public-metadata";
import { PrintButton } from "@/components/public/print-button";
import { RegisterBreadcrumb } from "@/components/public/register-breadcrumb";
import { articleDate } from "@/lib/agency/page-identity";
import { findPublicAgency } from "@/lib/agency/public-agency";
import { messages } from "@/lib/i18n";
import { findPublicPower } from "@/lib/powers/public-powers";
import { PowerEntryDetails, PowerStatusText } from "../power-entry-row";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ agency?: string | string[] }> };

const m = messages.registers;

async function load(params: Props["params"]) {
  const raw = (await params).id;
  return /^\d+$/.test(raw) ? findPublicPower(Number(raw)) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const power = await load(params);
  return publicMetadata({
    page: power?.name ?? messages.errors.notFoundTitle,
    column: "disclosure",
    columnName: messages.registers.powers.title,
    article: power?.id
      ? {
          title: power.name,
          publishedAt: articleDate(power.effectiveOn),
          keywords: [m.powerTypes[power.type], power.code],
          description: power.responsibilities,
          path: `/powers/${power.id}`,
        }
      : undefined,
  });
}

/** One power, whichever agency's; `?agency=CODE` (from that agency's list) keeps the way back to its list. */
export default async function PowerPage({ params, searchParams }: Props) {
  const [entry, agency] = await Promise.all([load(params), findPublicAgency((await searchParams).agency)]);
  if (!entry || !agency) notFound();
  const f = m.powers.fields;
  const rows: [string, React.ReactNode][] = [
    [f.code, entry.code],
    [f.type, m.powerTypes[entry.type]],
    [f.section, entry.sectionName],
    [f.status, <PowerStatusText key="status" entry={entry} />],
  ];
  return (
    <div className="space-y-4">
      <RegisterBreadcrumb agency={agency} steps={[{ label: m.powers.title, href: "/powers" }, { label: entry.name }]} className="text-sm text-gray-700" />
      <article className="rounded border border-gray-300 bg-white p-6" aria-labelledby="power-title">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 id="power-title" className="text-xl font-bold">
            {entry.name}
          </h1>
          <div className="no-print">
            <PrintButton label={messages.registers.common.print} />
          </div>
        </div>
        <table className="pairs-table mt-4 w-full border-collapse text-sm">
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row" className="w-32 border border-gray-300 bg-gray-100 px-2 py-2 text-left font-medium">
                  {label}
                </th>
                <td className="border border-gray-300 px-2 py-2">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="mt-4">
          <PowerEntryDetails entry={entry} />
        </div>
      </article>
    </div>
  );
}
