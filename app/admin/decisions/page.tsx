import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/console/button-link";
import { DataTable } from "@/components/console/data-table";
import { Flag } from "@/components/console/due-date";
import { FilterBar, FilterCheckbox, FilterInput, FilterSelect } from "@/components/console/filter-bar";
import { PageHeader } from "@/components/console/page-header";
import { StateBadge } from "@/components/console/state-badge";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { listConsoleDecisions } from "@/lib/decisions/console-decisions";
import { decisionKinds } from "@/lib/decisions/decision-fields";
import { readConsoleDecisionQuery } from "@/lib/decisions/decision-query";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { registerStateOptions } from "../powers/register-console";

export const dynamic = "force-dynamic";

const m = messages.registers;
const d = m.decisions;
const c = d.console;

export const metadata: Metadata = { title: c.title };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function ConsoleDecisionsPage({ searchParams }: Props) {
  const actor = await requirePageUser("registers.read_console");
  const raw = await searchParams;
  const params = new URLSearchParams(Object.entries(raw).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""));
  let filter;
  try {
    filter = readConsoleDecisionQuery(params);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    filter = {};
  }
  const result = await listConsoleDecisions(actor, filter);
  const exportQuery = new URLSearchParams(params);
  exportQuery.delete("page");
  return (
    <div className="space-y-4">
      <PageHeader
        title={c.title}
        actions={
          <>
            {isPermitted(actor.role, "decision.import") ? <ButtonLink href="/admin/decisions/import">{c.import}</ButtonLink> : null}
            <ButtonLink href="/admin/decisions/batches">{c.batches}</ButtonLink>
            <ButtonLink href="/admin/decisions/settings">{c.settings}</ButtonLink>
            <ButtonLink href="/admin/decisions/fee-income">{c.feeIncome}</ButtonLink>
            {isPermitted(actor.role, "decision.edit") ? (
              <ButtonLink href={`/admin/decisions/new${filter.kind ? `?kind=${filter.kind}` : ""}`} variant="primary">
                {c.create}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <FilterBar key={JSON.stringify(raw)} label={d.filter} submitLabel={d.filter} summary={d.total(result.total)} summaryTestId="result-count">
        <FilterSelect
          name="kind"
          label={d.kind}
          defaultValue={filter.kind}
          allLabel={d.allKinds}
          options={decisionKinds.map((kind) => ({ value: kind, label: m.decisionKinds[kind] }))}
        />
        <FilterSelect name="state" label={c.stateFilter} defaultValue={filter.state} allLabel={c.allStates} options={registerStateOptions} />
        <FilterInput name="q" type="search" label={d.search} defaultValue={filter.q} width="wide" />
        <FilterInput name="year" type="number" label={d.year} defaultValue={filter.year} min={1990} max={2100} width="narrow" />
        <FilterCheckbox name="overdue" label={c.overdue} defaultChecked={filter.overdue} />
        <FilterCheckbox name="late" label={c.late} defaultChecked={filter.late} />
        {filter.batchId ? <input type="hidden" name="batch" value={filter.batchId} /> : null}
      </FilterBar>
      {isPermitted(actor.role, "decision.export") ? (
        <p className="flex flex-wrap items-center gap-3 text-sm" data-testid="export-links">
          <span>{c.export}：</span>
          {filter.kind ? (
            (["xlsx", "csv"] as const).map((format) => (
              <a key={format} href={`/api/v1/admin/decisions/export?${new URLSearchParams([...exportQuery, ["format", format]])}`} download>
                {c.exportAs(format.toUpperCase())}
              </a>
            ))
          ) : (
            <span className="text-gray-700">{c.exportNeedsKind}</span>
          )}
        </p>
      ) : null}
      <DataTable
        caption={c.title}
        rows={result.items}
        rowKey={(decision) => decision.id}
        empty={c.empty}
        paging={{
          page: result.page,
          pageSize: result.pageSize,
          total: result.total,
          basePath: "/admin/decisions",
          query: Object.fromEntries([...params].filter(([key]) => key !== "page")),
        }}
        columns={[
          {
            key: "documentNumber",
            header: c.columns.documentNumber,
            cell: (decision) => <Link href={`/admin/decisions/${decision.id}`}>{decision.documentNumber}</Link>,
          },
          { key: "counterparty", header: c.columns.counterparty, cell: (decision) => decision.counterpartyName },
          { key: "kind", header: c.columns.kind, cell: (decision) => m.decisionKinds[decision.kind], className: "whitespace-nowrap" },
          { key: "decisionDate", header: c.columns.decisionDate, cell: (decision) => decision.decisionDate, className: "whitespace-nowrap" },
          {
            key: "state",
            header: c.columns.state,
            cell: (decision) => (
              <>
                <StateBadge workflow="item" state={decision.state} />
                {decision.expired ? <span className="ml-1 text-xs text-gray-700">{c.expired}</span> : null}
              </>
            ),
          },
          {
            key: "due",
            header: c.columns.due,
            className: "whitespace-nowrap",
            cell: (decision) => (
              <>
                {decision.due}
                {decision.overdue ? <Flag strong>{c.overdue}</Flag> : null}
                {decision.late ? <Flag>{c.late}</Flag> : null}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
