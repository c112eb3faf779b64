import type { Metadata } from "next";
import { KeyValueTable } from "@/components/console/details";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
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
      <PageHeader breadcrumbs={[{ href: "/admin/proposals", label: messages.proposals.console.title }]} title={m.title} />
      <Panel className="text-sm">
        <p className="leading-6">{m.intro}</p>
        <p className="mt-2 leading-6">{messages.proposals.access.importHint}</p>
        <h2 className="mt-4 font-semibold">{m.columns}</h2>
        <div className="mt-2">
          <KeyValueTable
            rows={(Object.values(proposalImportTemplate.columns) as ImportColumn<unknown>[]).map((column) => [
              column.header,
              `${column.required ? `${m.required}。` : ""}${column.note}`,
            ])}
          />
        </div>
        <p className="mt-3">
          <a href="/admin/proposals/import/template" download>
            {m.template}
          </a>{" "}
          <a href="/admin/proposals/import/template?format=csv" download>
            （CSV）
          </a>
        </p>
      </Panel>
      <Panel>
        <ImportForm action={importProposalsAction} />
      </Panel>
    </div>
  );
}
