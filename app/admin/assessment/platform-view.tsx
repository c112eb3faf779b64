import Link from "next/link";
import { DataTable } from "@/components/console/data-table";
import { Notice } from "@/components/console/notice";
import { PageHeader } from "@/components/console/page-header";
import { readSort } from "@/components/console/table-links";
import type { ActingUser } from "@/lib/auth/acting-user";
import { InvalidQueryError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { figureKeys, type DeadlineFigure, type FigureKey } from "@/lib/oversight/assessment-figures";
import { describePeriod, periodQuery } from "@/lib/oversight/assessment-period";
import { loadPlatformAssessment, type PlatformAssessment, type PlatformAssessmentRow } from "@/lib/oversight/platform-assessment";
import { dashboardQuery } from "./assessment-links";
import { PeriodFilter } from "./period-filter";

const m = messages.assessment;
const p = m.platform;

const rateValue = (figure: DeadlineFigure): number | null => (figure.onTime + figure.late === 0 ? null : figure.onTime / (figure.onTime + figure.late));

const sortableKeys = ["rank", "agency", "overallRate", "overallLate", ...figureKeys];

function FigureCell({ row, figure }: { row: PlatformAssessmentRow; figure: FigureKey }) {
  const { onTime, late } = row.figures[figure];
  return (
    <span aria-label={p.countsLabel(p.shortFigures[figure], onTime, late)} className={late > 0 ? "font-semibold text-red-800" : undefined}>
      {p.counts(onTime, late)}
    </span>
  );
}

/** The platform roles' view: every agency's figures of the period side by side, ranked, sortable by any column. */
export async function PlatformAssessmentView({ actor, query }: { actor: ActingUser; query: Record<string, string> }) {
  let problems: string[] = [];
  let assessment: PlatformAssessment;
  try {
    assessment = await loadPlatformAssessment(actor, query);
  } catch (error) {
    if (!(error instanceof InvalidQueryError)) throw error;
    problems = Object.values(error.fields).flat();
    assessment = await loadPlatformAssessment(actor, {});
  }
  const { period } = assessment;
  const totals = assessment.total;
  return (
    <div className="assessment-platform space-y-6">
      <PageHeader title={m.pageTitle(p.title, describePeriod(period))} description={p.intro} />
      <PeriodFilter period={period} agencyCode={null} />
      {problems.length ? (
        <Notice tone="error" role="alert" testId="period-problems">
          {m.problems(problems)}
        </Notice>
      ) : null}
      <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-gray-700">
        <span data-testid="assessment-judged-on">{m.judgedOn(assessment.today)}</span>
        <span>{m.registersJudgedOn(assessment.registersJudgedOn)}</span>
        <span data-testid="platform-agency-count">{p.agencyCount(assessment.agencies.length)}</span>
        <a className="no-print" href={`/admin/assessment/agencies/export?${periodQuery(period)}`} download data-testid="platform-assessment-export">
          {m.exportXlsx}
        </a>
      </p>
      <DataTable
        caption={p.caption}
        testId="platform-assessment"
        rowTestId="platform-assessment-row"
        rows={assessment.agencies}
        rowKey={(row) => row.code}
        empty={null}
        sort={{ basePath: "/admin/assessment", query, current: readSort(query, sortableKeys) }}
        columns={[
          { key: "rank", header: p.columns.rank, className: "whitespace-nowrap", sortValue: (row) => row.rank, cell: (row) => row.rank ?? p.unranked },
          {
            key: "agency",
            header: p.columns.agency,
            rowHeader: true,
            className: "sm:min-w-52",
            sortValue: (row) => row.name,
            cell: (row) => (
              <Link href={`/admin/assessment?${dashboardQuery(period, row.code)}`} aria-label={p.openAgency(row.name)}>
                {row.name}
              </Link>
            ),
          },
          {
            key: "overallRate",
            header: p.columns.overallRate,
            className: "whitespace-nowrap font-semibold",
            sortValue: (row) => row.rate,
            cell: (row) => m.rate(row.overall.onTime, row.overall.late),
          },
          { key: "overallLate", header: p.columns.overallLate, sortValue: (row) => row.overall.late, cell: (row) => row.overall.late },
          ...figureKeys.map((figure) => ({
            key: figure,
            header: p.shortFigures[figure],
            className: "whitespace-nowrap",
            sortValue: (row: PlatformAssessmentRow) => rateValue(row.figures[figure]),
            cell: (row: PlatformAssessmentRow) => <FigureCell row={row} figure={figure} />,
          })),
        ]}
      />
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]" data-testid="platform-assessment-total">
        <dt className="font-semibold">{p.totalRow}</dt>
        <dd>{p.totalLine(m.rate(totals.overall.onTime, totals.overall.late), totals.overall.onTime, totals.overall.late)}</dd>
        <dt className="font-semibold">{p.averageRow}</dt>
        <dd>
          {p.averageLine(assessment.averageRate)} <span className="text-gray-700">{p.averageNote}</span>
        </dd>
      </dl>
    </div>
  );
}
