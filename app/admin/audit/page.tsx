import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/public/pagination";
import {
  auditExportRangeSchema,
  describeAuditAction,
  describeAuditActor,
  describeAuditEntityType,
  describeAuditState,
  formatBeijingTimestamp,
  listAuditEvents,
  listAuditFilterOptions,
  type AuditEventRow,
} from "@/lib/audit/query-audit-events";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { ValidationError, type FieldErrors } from "@/lib/errors";
import { messages } from "@/lib/i18n";

export const metadata: Metadata = { title: messages.auditLog.title };

const m = messages.auditLog;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const inputClass =
  "mt-1 block rounded border border-gray-400 bg-white px-3 py-2 text-base text-gray-900 focus:border-blue-800 focus:outline-none focus:ring-2 focus:ring-blue-700 aria-[invalid=true]:border-red-700";

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export default async function AuditLogPage({ searchParams }: Props) {
  const actor = await requirePageUser("audit.read");
  const raw = await searchParams;
  const filter = { from: single(raw.from), to: single(raw.to), entityType: single(raw.entityType), action: single(raw.action), page: single(raw.page) };
  let result: Awaited<ReturnType<typeof listAuditEvents>> | null = null;
  let errors: FieldErrors = {};
  try {
    result = await listAuditEvents(actor, filter);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    errors = error.fields;
  }
  const options = await listAuditFilterOptions(actor);
  const exportRange = isPermitted(actor.role, "audit.export") ? auditExportRangeSchema.safeParse(filter) : null;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-bold">{m.title}</h1>
        <p className="mt-2 text-sm text-gray-700">{m.intro}</p>
      </div>

      <form method="get" aria-label={m.filter} className="flex flex-wrap items-start gap-4 rounded border border-gray-300 bg-white p-4 text-sm">
        <DateFilterField name="from" label={m.from} value={filter.from} errors={errors.from} />
        <DateFilterField name="to" label={m.to} value={filter.to} errors={errors.to} />
        <SelectFilterField name="entityType" label={m.entityType} value={filter.entityType} errors={errors.entityType}
          options={options.entityTypes.map((value) => ({ value, label: describeAuditEntityType(value) }))} />
        <SelectFilterField name="action" label={m.action} value={filter.action} errors={errors.action}
          options={options.actions.map((value) => ({ value, label: describeAuditAction(value) }))} />
        <div className="mt-6 flex gap-3">
          <button type="submit" className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 focus:outline-none focus:ring-2 focus:ring-blue-700 focus:ring-offset-2">{m.filter}</button>
          <Link href="/admin/audit" className="px-2 py-2">{m.reset}</Link>
        </div>
      </form>

      {exportRange ? (
        <p className="text-sm">
          {exportRange.success ? (
            <>
              <a href={`/admin/audit/export?${new URLSearchParams({ from: exportRange.data.from, to: exportRange.data.to })}`} download
                className="mr-3 inline-block rounded border border-gray-500 bg-white px-3 py-1 font-medium text-gray-900 hover:bg-gray-100 hover:no-underline" data-testid="audit-export">
                {m.export}
              </a>
              <span className="text-gray-700">{m.exportHint(exportRange.data.from, exportRange.data.to)}</span>
            </>
          ) : (
            <span className="text-gray-700">{m.exportNeedsRange}</span>
          )}
        </p>
      ) : null}

      {result ? (
        <>
          <p className="text-sm text-gray-700" data-testid="audit-total">{m.total(result.total)}</p>
          <div className="overflow-x-auto rounded border border-gray-300 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="bg-gray-100">
                <tr>
                  {Object.values(m.columns).map((label) => <th key={label} scope="col" className="px-3 py-2 whitespace-nowrap">{label}</th>)}
                </tr>
              </thead>
              <tbody>
                {result.events.map((event) => <AuditEventTableRow key={event.id} event={event} />)}
              </tbody>
            </table>
            {result.events.length === 0 ? <p className="p-4 text-gray-700">{m.empty}</p> : null}
          </div>
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath="/admin/audit"
            query={{ from: filter.from, to: filter.to, entityType: filter.entityType, action: filter.action }} />
        </>
      ) : null}
    </div>
  );
}

/**
 * Where a row's record can be opened. An application's row holds a reference, not its notes
 * (lib/applications/audit-visibility.ts): those who may read them do so on the application's page.
 */
const entityLinks: Record<string, string | undefined> = { Item: "/admin/items", Application: "/admin/applications", Proposal: "/admin/proposals", Feedback: "/admin/feedback" };

function AuditEventTableRow({ event }: { event: AuditEventRow }) {
  const entity = `${describeAuditEntityType(event.entityType)}${event.entityId ? ` ${event.entityId}` : ""}`;
  const states = event.fromState || event.toState ? `${describeAuditState(event.fromState) || "—"} → ${describeAuditState(event.toState) || "—"}` : "";
  return (
    <tr className="border-t border-gray-200 align-top">
      <td className="px-3 py-2 whitespace-nowrap font-mono text-xs">{formatBeijingTimestamp(event.occurredAt)}</td>
      <td className="px-3 py-2 whitespace-nowrap">{describeAuditActor(event)}</td>
      <td className="px-3 py-2 whitespace-nowrap">{describeAuditAction(event.action)}</td>
      <td className="px-3 py-2 whitespace-nowrap">
        {event.entityId && entityLinks[event.entityType] ? <Link href={`${entityLinks[event.entityType]}/${event.entityId}`}>{entity}</Link> : entity}
      </td>
      <td className="px-3 py-2 whitespace-nowrap">{states}</td>
      <td className="px-3 py-2 whitespace-pre-wrap">{event.comment}</td>
      <td className="min-w-72 max-w-md px-3 py-2">
        {event.details == null ? null : <code className="block break-all text-xs text-gray-800">{JSON.stringify(event.details)}</code>}
      </td>
    </tr>
  );
}

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? <p id={id} data-testid={`error-${id.replace(/^audit-|-error$/g, "")}`} className="mt-1 max-w-56 text-sm text-red-700">{errors.join(" ")}</p> : null;
}

function DateFilterField({ name, label, value, errors }: { name: string; label: string; value?: string; errors?: string[] }) {
  const id = `audit-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block font-medium text-gray-900">{label}</label>
      <input id={id} name={name} type="date" defaultValue={value} className={inputClass}
        aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? `${id}-error` : undefined} />
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

function SelectFilterField({ name, label, value, options, errors }: { name: string; label: string; value?: string; options: { value: string; label: string }[]; errors?: string[] }) {
  const id = `audit-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block font-medium text-gray-900">{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} className={inputClass}
        aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? `${id}-error` : undefined}>
        <option value="">{m.all}</option>
        {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}
