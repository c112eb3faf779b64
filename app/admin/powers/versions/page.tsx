import type { Metadata } from "next";
import Link from "next/link";
import { isPermitted } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { todayInBeijing } from "@/lib/dates";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";
import { listPowerListVersions } from "@/lib/powers/console-powers";
import { publishPowerListVersionAction } from "../actions";
import { PublishVersionForm } from "./publish-version-form";

export const dynamic = "force-dynamic";

const v = messages.registers.powers.versions;

export const metadata: Metadata = { title: v.title };

export default async function PowerListVersionsPage() {
  const actor = await requirePageUser("registers.read_console");
  const versions = await listPowerListVersions(actor);
  return (
    <div className="space-y-6">
      <p><Link href="/admin/powers">← {messages.registers.powers.console.title}</Link></p>
      <h1 className="text-xl font-bold">{v.title}</h1>
      <p className="max-w-3xl text-sm leading-6 text-gray-800">{v.intro}</p>
      <div className="overflow-x-auto rounded border border-gray-300 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-gray-100"><tr>{Object.values(v.columns).map((label) => <th key={label} scope="col" className="px-3 py-2">{label}</th>)}</tr></thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.year} className="border-t border-gray-200">
                <td className="px-3 py-2"><Link href={`/powers?year=${version.year}`}>{version.year}</Link></td>
                <td className="px-3 py-2">{version.entryCount}</td>
                <td className="px-3 py-2">{version.retainedLicenses}</td>
                <td className="px-3 py-2">{formatDateTime(new Date(version.publishedAt))}</td>
                <td className="px-3 py-2">{version.publishedBy}</td>
                <td className="px-3 py-2">{version.note ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {versions.length === 0 ? <p className="p-4 text-gray-700">{v.empty}</p> : null}
      </div>
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="publish-version">
        <h2 id="publish-version" className="mb-3 text-lg font-semibold">{v.publishTitle}</h2>
        {isPermitted(actor.role, "power.publish_version")
          ? <PublishVersionForm action={publishPowerListVersionAction} defaultYear={Number(todayInBeijing().slice(0, 4))} />
          : <p className="text-sm text-gray-700">{v.onlyLeaders}</p>}
      </section>
    </div>
  );
}
