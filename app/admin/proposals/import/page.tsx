import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/page-guard";
import { messages } from "@/lib/i18n";
import type { ImportColumn } from "@/lib/imports";
import { proposalImportTemplate } from "@/lib/proposals/proposal-import-rows";
import { importProposalsAction } from "../actions";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: messages.proposals.console.importPage.title };

export default async function ImportProposalsPage() {
  await requirePageUser("proposal.manage");
  const m = messages.proposals.console.importPage;
  return (
    <div className="space-y-4">
      <p><Link href="/admin/proposals">← {messages.proposals.console.title}</Link></p>
      <h1 className="text-xl font-bold">{m.title}</h1>
      <section className="rounded border border-gray-300 bg-white p-6 text-sm">
        <p className="leading-6">{m.intro}</p>
        <p className="mt-2 leading-6">{messages.proposals.access.importHint}</p>
        <h2 className="mt-4 font-semibold">{m.columns}</h2>
        <table className="mt-2 w-full border-collapse">
          <tbody>
            {(Object.entries(proposalImportTemplate.columns) as [string, ImportColumn<unknown>][]).map(([key, column]) => (
              <tr key={key}>
                <th scope="row" className="w-28 border border-gray-300 bg-gray-100 px-2 py-1 text-left font-medium">{column.header}</th>
                <td className="border border-gray-300 px-2 py-1">{column.required ? `${m.required}。` : ""}{column.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-3"><a href="/admin/proposals/import/template" download>{m.template}</a> <a href="/admin/proposals/import/template?format=csv" download>（CSV）</a></p>
      </section>
      <section className="rounded border border-gray-300 bg-white p-6">
        <ImportForm action={importProposalsAction} />
      </section>
    </div>
  );
}
