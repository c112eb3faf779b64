import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/console/data-table";
import { Notice } from "@/components/console/notice";
import { PageHeader } from "@/components/console/page-header";
import { findApplicationOutcome } from "@/lib/applications/outcomes";
import { requirePageUser } from "@/lib/auth/page-guard";
import { InvalidQueryError, NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { listAssessmentRecords, listSectionNames, type AssessmentRecords } from "@/lib/oversight/assessment";
import { describePeriod } from "@/lib/oversight/assessment-period";
import { dashboardQuery, firstValues } from "../assessment-links";

export const dynamic = "force-dynamic";

const m = messages.assessment;
const r = m.records;

export const metadata: Metadata = { title: r.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function RecordsTable({ result, sectionNames }: { result: AssessmentRecords; sectionNames: Map<number, string> }) {
  const withOutcome = result.figure === "applicationsAnswered";
  const withSatisfaction = result.figure === "proposalReplies";
  return (
    <DataTable
      caption={r.title}
      testId="assessment-records"
      rows={result.records}
      rowKey={(record) => `${record.figure}-${record.id}`}
      empty={r.empty}
      columns={[
        { key: "record", header: r.columns.record, rowHeader: true, cell: (record) => <Link href={record.url}>{record.label}</Link> },
        {
          key: "section",
          header: r.columns.section,
          cell: (record) =>
            record.sectionId === null ? (result.figure === "annualReport" ? m.columns.agency : r.noSection) : (sectionNames.get(record.sectionId) ?? ""),
        },
        { key: "dueOn", header: r.columns.dueOn, className: "whitespace-nowrap", cell: (record) => record.dueOn },
        { key: "doneOn", header: r.columns.doneOn, className: "whitespace-nowrap", cell: (record) => record.doneOn ?? r.open },
        { key: "status", header: r.columns.status, cell: (record) => (record.late ? <strong>{m.columns.late}</strong> : m.columns.onTime) },
        ...(withOutcome
          ? [
              {
                key: "outcome",
                header: r.columns.outcome,
                cell: (record: AssessmentRecords["records"][number]) => (record.outcome ? findApplicationOutcome(record.outcome).rowName : ""),
              },
            ]
          : []),
        ...(withSatisfaction
          ? [
              {
                key: "satisfaction",
                header: r.columns.satisfaction,
                cell: (record: AssessmentRecords["records"][number]) => (record.satisfaction ? m.satisfaction[record.satisfaction] : ""),
              },
            ]
          : []),
      ]}
    />
  );
}

function RegistersTable({ result }: { result: AssessmentRecords }) {
  return (
    <DataTable
      caption={r.title}
      testId="assessment-records"
      rows={result.registers}
      rowKey={(register) => register.slug}
      empty={r.empty}
      columns={[
        { key: "register", header: m.columns.register, rowHeader: true, cell: (register) => <Link href={register.url}>{register.name}</Link> },
        { key: "lastUpdated", header: m.columns.lastUpdated, cell: (register) => register.lastUpdatedOn ?? m.never },
        { key: "limit", header: m.columns.limit, cell: (register) => (register.limitDays === null ? m.noLimit : m.days(register.limitDays)) },
        {
          key: "status",
          header: m.columns.status,
          cell: (register) => (register.stale === null ? "—" : register.stale ? <strong>{m.stale}</strong> : m.fresh),
        },
      ]}
    />
  );
}

export default async function AssessmentRecordsPage({ searchParams }: Props) {
  const actor = await requirePageUser(["assessment.read", "assessment.read_platform"]);
  const query = firstValues(await searchParams);
  let result: AssessmentRecords;
  try {
    result = await listAssessmentRecords(actor, query);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (!(error instanceof InvalidQueryError)) throw error;
    return (
      <div className="space-y-4">
        <PageHeader title={r.title} breadcrumbs={[{ href: "/admin/assessment", label: m.title }]} />
        <Notice tone="error" role="alert" testId="records-problems">
          {r.invalid}
          {m.problems(Object.values(error.fields).flat())}
        </Notice>
      </div>
    );
  }
  const sectionNames = new Map<number, string>(result.section ? [[result.section.id, result.section.name]] : []);
  if (!result.section) {
    for (const section of await listSectionNames(actor, query)) sectionNames.set(section.id, section.name);
  }
  const status = result.status ? (result.figure === "registerFreshness" ? (result.status === "late" ? m.stale : m.fresh) : m.columns[result.status]) : "";
  const count = result.figure === "registerFreshness" ? result.registers.length : result.records.length;
  return (
    <div className="space-y-4">
      <PageHeader
        title={r.heading(m.figures[result.figure], result.section?.name ?? m.columns.agency, describePeriod(result.period), status)}
        breadcrumbs={[{ href: `/admin/assessment?${dashboardQuery(result.period, query.agency ? result.assessedAgency.code : null)}`, label: m.title }]}
        description={result.figure === "registerFreshness" ? m.registersJudgedOn(result.registersJudgedOn) : m.rules[result.figure]}
      />
      <p className="text-sm text-gray-700" data-testid="records-count">
        {r.count(count)}
      </p>
      {result.figure === "registerFreshness" ? <RegistersTable result={result} /> : <RecordsTable result={result} sectionNames={sectionNames} />}
    </div>
  );
}
