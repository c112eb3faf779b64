import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/console/data-table";
import { Notice } from "@/components/console/notice";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { StackedBarChart } from "@/components/console/stacked-bar-chart";
import { findApplicationOutcome, type ApplicationOutcomeSlug } from "@/lib/applications/outcomes";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { InvalidQueryError, NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { loadAssessment, type Assessment } from "@/lib/oversight/assessment";
import type { DeadlineFigure } from "@/lib/oversight/assessment-figures";
import { describePeriod, periodQuery } from "@/lib/oversight/assessment-period";
import { deadlineFigureKeys, type DeadlineFigureKey } from "@/lib/oversight/assessment-records";
import { dashboardQuery, firstValues, recordsHref } from "./assessment-links";
import { PeriodFilter } from "./period-filter";
import { PlatformAssessmentView } from "./platform-view";

export const dynamic = "force-dynamic";

const m = messages.assessment;

export const metadata: Metadata = { title: m.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

type Row = { key: string; sectionId: number | null; name: string; figure: DeadlineFigure };

function CountLink({ href, count, label }: { href: string; count: number; label: string }) {
  return (
    <Link href={href} aria-label={m.countLabel(label, count)}>
      {count}
    </Link>
  );
}

function FigureTable({
  assessment,
  figure,
  agencyCode,
}: {
  assessment: Assessment;
  figure: Exclude<DeadlineFigureKey, "annualReport"> | "registerFreshness";
  agencyCode: string | null;
}) {
  const rows: Row[] = [
    ...assessment.sections.map((section) => ({
      key: String(section.sectionId),
      sectionId: section.sectionId,
      name: section.name,
      figure: section.figures[figure],
    })),
    { key: "agency", sectionId: null, name: m.columns.agency, figure: assessment.agency[figure] },
  ];
  const title = m.figures[figure];
  return (
    <DataTable
      caption={title}
      framed={false}
      testId={`assessment-table-${figure}`}
      rows={rows}
      rowKey={(row) => row.key}
      empty={null}
      columns={[
        { key: "section", header: m.columns.section, rowHeader: true, cell: (row) => (row.sectionId === null ? <strong>{row.name}</strong> : row.name) },
        {
          key: "onTime",
          header: figure === "registerFreshness" ? m.fresh : m.columns.onTime,
          className: "whitespace-nowrap",
          cell: (row) => (
            <CountLink
              href={recordsHref(assessment.period, figure, row.sectionId, "onTime", agencyCode)}
              count={row.figure.onTime}
              label={`${row.name} ${m.columns.onTime}`}
            />
          ),
        },
        {
          key: "late",
          header: figure === "registerFreshness" ? m.stale : m.columns.late,
          className: "whitespace-nowrap",
          cell: (row) => (
            <CountLink
              href={recordsHref(assessment.period, figure, row.sectionId, "late", agencyCode)}
              count={row.figure.late}
              label={`${row.name} ${m.columns.late}`}
            />
          ),
        },
        { key: "rate", header: m.columns.rate, className: "whitespace-nowrap", cell: (row) => m.rate(row.figure.onTime, row.figure.late) },
      ]}
    />
  );
}

function TrendChart({ assessment, figure }: { assessment: Assessment; figure: DeadlineFigureKey }) {
  const title = `${m.figures[figure]} · ${m.trend.title(assessment.period.year)}`;
  return (
    <StackedBarChart
      id={`trend-${figure}`}
      testId={`assessment-trend-${figure}`}
      caption={title}
      label={`${m.trend.chartLabel(title)} ${m.chartPoints(assessment.trend.map(({ month, figures }) => ({ label: m.period.monthOption(month), ...figures[figure] })))}`}
      seriesLabels={[m.trend.legendOnTime, m.trend.legendLate]}
      bars={assessment.trend.map(({ month, figures }) => ({
        label: m.period.monthOption(month),
        values: [figures[figure].onTime, figures[figure].late] as const,
      }))}
    />
  );
}

function OutcomesTable({ assessment }: { assessment: Assessment }) {
  const outcomes = Object.entries(assessment.agency.applicationsAnswered.outcomes) as [ApplicationOutcomeSlug, number][];
  return (
    <DataTable
      caption={m.columns.outcome}
      framed={false}
      testId="assessment-outcomes"
      rows={outcomes}
      rowKey={([slug]) => slug}
      empty={m.noOutcomes}
      columns={[
        {
          key: "outcome",
          header: m.columns.outcome,
          rowHeader: true,
          cell: ([slug]) => {
            const outcome = findApplicationOutcome(slug);
            return `${outcome.groupName}${outcome.numberInGroup ? ` ${outcome.numberInGroup}.${outcome.rowName}` : ""}`;
          },
        },
        { key: "count", header: m.columns.count, cell: ([, count]) => count },
      ]}
    />
  );
}

function SatisfactionTable({ assessment }: { assessment: Assessment }) {
  const rows = [
    ...assessment.sections.map((section) => ({ key: String(section.sectionId), name: section.name, counts: section.figures.proposalReplies.satisfaction })),
    { key: "agency", name: m.columns.agency, counts: assessment.agency.proposalReplies.satisfaction },
  ];
  return (
    <DataTable
      caption={m.columns.satisfaction}
      framed={false}
      testId="assessment-satisfaction"
      rows={rows}
      rowKey={(row) => row.key}
      empty={null}
      columns={[
        { key: "section", header: m.columns.section, rowHeader: true, cell: (row) => row.name },
        ...(["satisfied", "basically_satisfied", "unsatisfied"] as const).map((level) => ({
          key: level,
          header: m.satisfaction[level],
          cell: (row: (typeof rows)[number]) => row.counts[level],
        })),
      ]}
    />
  );
}

function RegistersTable({ assessment }: { assessment: Assessment }) {
  return (
    <DataTable
      caption={m.figures.registerFreshness}
      framed={false}
      testId="assessment-registers"
      rows={assessment.agency.registerFreshness.registers}
      rowKey={(register) => register.slug}
      empty={m.noRegisters}
      columns={[
        { key: "register", header: m.columns.register, rowHeader: true, cell: (register) => <Link href={register.url}>{register.name}</Link> },
        { key: "lastUpdated", header: m.columns.lastUpdated, className: "whitespace-nowrap", cell: (register) => register.lastUpdatedOn ?? m.never },
        {
          key: "limit",
          header: m.columns.limit,
          className: "whitespace-nowrap",
          cell: (register) => (register.limitDays === null ? m.noLimit : m.days(register.limitDays)),
        },
        {
          key: "status",
          header: m.columns.status,
          cell: (register) => (register.stale === null ? "—" : register.stale ? <strong>{m.stale}</strong> : m.fresh),
        },
      ]}
    />
  );
}

/**
 * One agency's dashboard; for the platform roles without `agency=`, the view across the agencies
 * (each row links to that agency's dashboard, `?agency=<code>`).
 */
export default async function AssessmentPage({ searchParams }: Props) {
  const actor = await requirePageUser(["assessment.read", "assessment.read_platform"]);
  const query = firstValues(await searchParams);
  const readsEveryAgency = isPermitted(actor.role, "assessment.read_platform");
  if (readsEveryAgency && !query.agency) return <PlatformAssessmentView actor={actor} query={query} />;
  // The agency named in the address (a platform role's view of one agency), kept by every link.
  const agencyCode = query.agency ? query.agency : null;
  let problems: string[] = [];
  let assessment: Assessment;
  try {
    assessment = await loadAssessment(actor, query);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (!(error instanceof InvalidQueryError)) throw error;
    problems = Object.values(error.fields).flat();
    assessment = await loadAssessment(actor, { agency: query.agency });
  }
  const named = agencyCode ? assessment.assessedAgency.code : null;
  const { period } = assessment;
  const bySection = assessment.sections.map((section) => {
    const total = deadlineFigureKeys
      .filter((key): key is Exclude<DeadlineFigureKey, "annualReport"> => key !== "annualReport")
      .reduce((sum, key) => [sum[0] + section.figures[key].onTime, sum[1] + section.figures[key].late] as const, [0, 0] as readonly [number, number]);
    return { label: section.name, values: total };
  });
  const sectionFigures: Exclude<DeadlineFigureKey, "annualReport">[] = [
    "itemsPublished",
    "decisionsPublished",
    "applicationsAnswered",
    "proposalReplies",
    "messagesAnswered",
  ];
  return (
    <div className="assessment-dashboard space-y-6">
      <PageHeader
        title={
          named
            ? m.platform.agencyTitle(assessment.assessedAgency.name, m.pageTitle(m.title, describePeriod(period)))
            : m.pageTitle(m.title, describePeriod(period))
        }
        breadcrumbs={named && readsEveryAgency ? [{ href: `/admin/assessment?${periodQuery(period)}`, label: m.platform.backToPlatform }] : []}
        description={m.intro}
      />
      <PeriodFilter period={period} agencyCode={named} />
      {problems.length ? (
        <Notice tone="error" role="alert" testId="period-problems">
          {m.problems(problems)}
        </Notice>
      ) : null}
      <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-gray-700">
        <span data-testid="assessment-judged-on">{m.judgedOn(assessment.today)}</span>
        <a className="no-print" href={`/admin/assessment/export?${dashboardQuery(period, named)}`} download data-testid="assessment-export">
          {m.exportXlsx}
        </a>
      </p>
      <Panel id="assessment-overview" title={m.trend.bySection} testId="assessment-overview">
        <StackedBarChart
          id="by-section"
          testId="assessment-by-section"
          label={`${m.trend.chartLabel(m.trend.bySection)} ${m.chartPoints(bySection.map((bar) => ({ label: bar.label, onTime: bar.values[0], late: bar.values[1] })))}`}
          seriesLabels={[m.trend.legendOnTime, m.trend.legendLate]}
          bars={bySection}
        />
      </Panel>
      {sectionFigures.map((figure) => (
        <Panel key={figure} id={`figure-${figure}`} title={m.figures[figure]} description={m.rules[figure]} testId={`assessment-figure-${figure}`}>
          <div className="space-y-4">
            <FigureTable assessment={assessment} figure={figure} agencyCode={named} />
            {figure === "applicationsAnswered" ? <OutcomesTable assessment={assessment} /> : null}
            {figure === "proposalReplies" ? <SatisfactionTable assessment={assessment} /> : null}
            <TrendChart assessment={assessment} figure={figure} />
          </div>
        </Panel>
      ))}
      <Panel
        id="figure-registerFreshness"
        title={m.figures.registerFreshness}
        description={m.rules.registerFreshness}
        testId="assessment-figure-registerFreshness"
      >
        <p className="mb-2 text-sm text-gray-700">{m.registersJudgedOn(assessment.registersJudgedOn)}</p>
        <div className="space-y-4">
          <FigureTable assessment={assessment} figure="registerFreshness" agencyCode={named} />
          <RegistersTable assessment={assessment} />
        </div>
      </Panel>
      <Panel id="figure-annualReport" title={m.figures.annualReport} description={m.rules.annualReport} testId="assessment-figure-annualReport">
        <p className="flex flex-wrap gap-x-6 text-sm" data-testid="assessment-annual-report">
          <span>
            {m.labelled(m.columns.onTime)}
            <CountLink
              href={recordsHref(period, "annualReport", null, "onTime", named)}
              count={assessment.agency.annualReport.onTime}
              label={m.columns.onTime}
            />
          </span>
          <span>
            {m.labelled(m.columns.late)}
            <CountLink href={recordsHref(period, "annualReport", null, "late", named)} count={assessment.agency.annualReport.late} label={m.columns.late} />
          </span>
          <span className="text-gray-700">{m.agencyOnly}</span>
        </p>
      </Panel>
    </div>
  );
}
