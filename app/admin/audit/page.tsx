import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/console/button-link";
import { DataTable, type Column } from "@/components/console/data-table";
import { PageHeader } from "@/components/console/page-header";
import { DateField, SelectField } from "@/components/forms/field";
import { buttonClass } from "@/components/forms/styles";
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
      <PageHeader title={m.title} description={m.intro} />

      <form method="get" aria-label={m.filter} className="flex flex-wrap items-start gap-4 rounded border border-gray-300 bg-white p-4 text-sm">
        <DateField id="audit-from" name="from" label={m.from} defaultValue={filter.from} errors={errors.from} inline />
        <DateField id="audit-to" name="to" label={m.to} defaultValue={filter.to} errors={errors.to} inline />
        <SelectField
          id="audit-entityType"
          name="entityType"
          label={m.entityType}
          defaultValue={filter.entityType ?? ""}
          errors={errors.entityType}
          inline
          placeholder={m.all}
          options={options.entityTypes.map((value) => ({ value, label: describeAuditEntityType(value) }))}
        />
        <SelectField
          id="audit-action"
          name="action"
          label={m.action}
          defaultValue={filter.action ?? ""}
          errors={errors.action}
          inline
          placeholder={m.all}
          options={options.actions.map((value) => ({ value, label: describeAuditAction(value) }))}
        />
        <div className="mt-6 flex gap-3">
          <button type="submit" className={buttonClass.primary}>
            {m.filter}
          </button>
          <Link href="/admin/audit" className="px-2 py-2">
            {m.reset}
          </Link>
        </div>
      </form>

      {exportRange ? (
        <p className="text-sm">
          {exportRange.success ? (
            <>
              <span className="mr-3">
                <ButtonLink
                  href={`/admin/audit/export?${new URLSearchParams({ from: exportRange.data.from, to: exportRange.data.to })}`}
                  download
                  testId="audit-export"
                >
                  {m.export}
                </ButtonLink>
              </span>
              <span className="text-gray-700">{m.exportHint(exportRange.data.from, exportRange.data.to)}</span>
            </>
          ) : (
            <span className="text-gray-700">{m.exportNeedsRange}</span>
          )}
        </p>
      ) : null}

      {result ? (
        <>
          <p className="text-sm text-gray-700" data-testid="audit-total">
            {m.total(result.total)}
          </p>
          <DataTable
            caption={m.title}
            columns={columns}
            rows={result.events}
            rowKey={(event) => event.id}
            empty={m.empty}
            paging={{
              page: result.page,
              pageSize: result.pageSize,
              total: result.total,
              basePath: "/admin/audit",
              query: { from: filter.from, to: filter.to, entityType: filter.entityType, action: filter.action },
            }}
          />
        </>
      ) : null}
    </div>
  );
}

/**
 * Where a row's record can be opened. An application's row holds a reference, not its notes
 * (lib/applications/audit-visibility.ts): those who may read them do so on the application's page.
 */
const entityLinks: Record<string, string | undefined> = {
  Item: "/admin/items",
  Application: "/admin/applications",
  Proposal: "/admin/proposals",
  Feedback: "/admin/feedback",
};

function entityOf(event: AuditEventRow) {
  const entity = `${describeAuditEntityType(event.entityType)}${event.entityId ? ` ${event.entityId}` : ""}`;
  return event.entityId && entityLinks[event.entityType] ? <Link href={`${entityLinks[event.entityType]}/${event.entityId}`}>{entity}</Link> : entity;
}

function statesOf(event: AuditEventRow) {
  return event.fromState || event.toState ? `${describeAuditState(event.fromState) || "—"} → ${describeAuditState(event.toState) || "—"}` : "";
}

const columns: Column<AuditEventRow>[] = [
  {
    key: "occurredAt",
    header: m.columns.occurredAt,
    cell: (event) => formatBeijingTimestamp(event.occurredAt),
    className: "whitespace-nowrap font-mono text-xs",
  },
  { key: "actor", header: m.columns.actor, cell: (event) => describeAuditActor(event), className: "whitespace-nowrap" },
  { key: "action", header: m.columns.action, cell: (event) => describeAuditAction(event.action), className: "whitespace-nowrap" },
  { key: "entity", header: m.columns.entity, cell: entityOf, className: "whitespace-nowrap" },
  { key: "states", header: m.columns.states, cell: statesOf, className: "whitespace-nowrap" },
  { key: "comment", header: m.columns.comment, cell: (event) => event.comment, className: "whitespace-pre-wrap" },
  {
    key: "details",
    header: m.columns.details,
    className: "min-w-72 max-w-md",
    cell: (event) => (event.details == null ? null : <code className="block break-all text-xs text-gray-800">{JSON.stringify(event.details)}</code>),
  },
];
