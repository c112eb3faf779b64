import type { Metadata } from "next";
import Link from "next/link";
import { StateBadge } from "@/components/console/state-badge";
import { Pagination } from "@/components/public/pagination";
import { isPermitted } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listConsoleDecisions } from "@/lib/decisions/console-decisions";
import { decisionKinds } from "@/lib/decisions/decision-fields";
import { readConsoleDecisionQuery } from "@/lib/decisions/decision-query";
import { ValidationError } from "@/lib/errors";
import { ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";

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
  const input = "mt-1 rounded border border-gray-400 bg-white px-2 py-1";
  const link = "rounded border border-gray-500 px-3 py-2";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-bold">{c.title}</h1>
        <div className="flex flex-wrap gap-2 text-sm">
          {isPermitted(actor.role, "decision.import") ? <Link href="/admin/decisions/import" className={link}>{c.import}</Link> : null}
          <Link href="/admin/decisions/batches" className={link}>{c.batches}</Link>
          <Link href="/admin/decisions/settings" className={link}>{c.settings}</Link>
          <Link href="/admin/decisions/fee-income" className={link}>{c.feeIncome}</Link>
          {isPermitted(actor.role, "decision.edit") ? <Link href={`/admin/decisions/new${filter.kind ? `?kind=${filter.kind}` : ""}`} className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 hover:no-underline">{c.create}</Link> : null}
        </div>
      </div>
      <form key={JSON.stringify(raw)} method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label={d.filter}>
        <label className="flex flex-col">{d.kind}
          <select name="kind" defaultValue={filter.kind ?? ""} className={input}>
            <option value="">{d.allKinds}</option>
            {decisionKinds.map((kind) => <option key={kind} value={kind}>{m.decisionKinds[kind]}</option>)}
          </select>
        </label>
        <label className="flex flex-col">{c.stateFilter}
          <select name="state" defaultValue={filter.state ?? ""} className={input}>
            <option value="">{c.allStates}</option>
            {Object.values(ItemState).filter((value) => value !== "scheduled").map((value) => <option key={value} value={value}>{messages.itemStates[value]}</option>)}
          </select>
        </label>
        <label className="flex flex-col">{d.search}<input name="q" type="search" defaultValue={filter.q} className={`${input} min-w-56`} /></label>
        <label className="flex flex-col">{d.year}<input name="year" type="number" min={1990} max={2100} defaultValue={filter.year} className={`${input} w-24`} /></label>
        <label className="flex items-center gap-1"><input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue} />{c.overdue}</label>
        <label className="flex items-center gap-1"><input type="checkbox" name="late" value="1" defaultChecked={filter.late} />{c.late}</label>
        {filter.batchId ? <input type="hidden" name="batch" value={filter.batchId} /> : null}
        <button type="submit" className="rounded border border-gray-500 bg-white px-3 py-1">{d.filter}</button>
        <span className="ml-auto text-gray-700" data-testid="result-count">{d.total(result.total)}</span>
      </form>
      {isPermitted(actor.role, "decision.export") ? (
        <p className="flex flex-wrap items-center gap-3 text-sm" data-testid="export-links">
          <span>{c.export}：</span>
          {filter.kind ? (["xlsx", "csv"] as const).map((format) => (
            <a key={format} href={`/api/v1/admin/decisions/export?${new URLSearchParams([...exportQuery, ["format", format]])}`} download>{c.exportAs(format.toUpperCase())}</a>
          )) : <span className="text-gray-700">{c.exportNeedsKind}</span>}
        </p>
      ) : null}
      <div className="overflow-x-auto rounded border border-gray-300 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-gray-100"><tr>{Object.values(c.columns).map((label) => <th key={label} scope="col" className="px-3 py-2">{label}</th>)}</tr></thead>
          <tbody>
            {result.items.map((decision) => (
              <tr key={decision.id} className="border-t border-gray-200">
                <td className="px-3 py-2"><Link href={`/admin/decisions/${decision.id}`}>{decision.documentNumber}</Link></td>
                <td className="px-3 py-2">{decision.counterpartyName}</td>
                <td className="px-3 py-2 whitespace-nowrap">{m.decisionKinds[decision.kind]}</td>
                <td className="px-3 py-2 whitespace-nowrap">{decision.decisionDate}</td>
                <td className="px-3 py-2"><StateBadge state={decision.state} />{decision.expired ? <span className="ml-1 text-xs text-gray-700">{d.console.expired}</span> : null}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {decision.due}
                  {decision.overdue ? <span className="ml-2 font-semibold text-red-700">{c.overdue}</span> : null}
                  {decision.late ? <span className="ml-2 text-red-700">{c.late}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {result.items.length === 0 ? <p className="p-4 text-gray-700">{c.empty}</p> : null}
      </div>
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath="/admin/decisions" query={Object.fromEntries([...params].filter(([key]) => key !== "page"))} />
    </div>
  );
}
