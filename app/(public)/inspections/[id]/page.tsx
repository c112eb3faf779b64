import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { publicMetadata } from "@/app/(public)/_lib/public-metadata";
import { PrintButton } from "@/components/public/print-button";
import { RegisterBreadcrumb } from "@/components/public/register-breadcrumb";
import { articleDate } from "@/lib/agency/page-identity";
import { findPublicAgency } from "@/lib/agency/public-agency";
import { formatDate } from "@/lib/format";
import { messages } from "@/lib/i18n";
import { findPublicInspection } from "@/lib/inspections/public-inspections";
import { AssignmentTable, PublicDrawSummary } from "../_components/draw-record";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ agency?: string | string[] }> };

async function load(params: Props["params"]) {
  const raw = (await params).id;
  return /^\d+$/.test(raw) ? findPublicInspection(Number(raw)) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params);
  const page = !found ? messages.errors.notFoundTitle : found.kind === "published" ? found.inspection.title : found.title;
  const inspection = found?.kind === "published" ? found.inspection : null;
  return publicMetadata({
    page,
    column: "disclosure",
    columnName: messages.inspections.title,
    article: inspection
      ? {
          title: inspection.title,
          publishedAt: articleDate(inspection.resultsPublishedAt ?? inspection.publishedAt),
          keywords: [messages.inspections.title],
          description: inspection.description,
          path: `/inspections/${inspection.id}`,
        }
      : undefined,
  });
}

/** One task, whichever agency's; `?agency=CODE` (from that agency's list) keeps the way back to its list. */
export default async function PublicInspectionPage({ params, searchParams }: Props) {
  const [found, agency] = await Promise.all([load(params), findPublicAgency((await searchParams).agency)]);
  if (!found || !agency) notFound();
  const m = messages.inspections;
  const p = m.public;
  const d = m.detail;
  const breadcrumb = <RegisterBreadcrumb agency={agency} steps={[{ label: m.title, href: "/inspections" }]} className="no-print mb-4 text-sm text-gray-700" />;
  if (found.kind === "withdrawn") {
    return (
      <div>
        {breadcrumb}
        <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="withdrawn-title">
          <h1 id="withdrawn-title" className="text-xl font-bold">
            {p.withdrawnTitle}
          </h1>
          <p className="mt-3">{found.title}</p>
          <p className="mt-2 text-sm">{p.withdrawnText(formatDate(new Date(found.withdrawnAt)))}</p>
          <p className="mt-2 text-sm">
            {p.withdrawalReason}：{found.reason}
          </p>
        </section>
      </div>
    );
  }
  const inspection = found.inspection;
  const timeliness = inspection.resultsDeadline;
  const planRows: [string, React.ReactNode][] = [
    [d.period, d.periodValue(inspection.startOn, inspection.endOn)],
    [d.scope, inspection.targetCategories.join("、") || d.allCategories],
    [d.countsLabel, d.counts(inspection.targetCount, inspection.inspectorsPerTarget)],
    [d.section, inspection.sectionName],
    [p.published, inspection.publishedAt ? formatDate(new Date(inspection.publishedAt)) : "—"],
  ];
  return (
    <div className="space-y-6">
      {breadcrumb}
      <article className="space-y-6">
        <header className="rounded border border-gray-300 bg-white p-6">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <h1 className="text-xl font-bold">{inspection.title}</h1>
            <div className="no-print">
              <PrintButton label={p.print} />
            </div>
          </div>
        </header>

        <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="plan">
          <h2 id="plan" className="mb-3 text-lg font-semibold">
            {d.plan}
          </h2>
          <dl className="grid grid-cols-1 gap-y-2 text-sm">
            {planRows.map(([label, value]) => (
              <div key={label} className="grid gap-1 sm:grid-cols-[10rem_1fr]">
                <dt className="text-gray-700">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
            <div className="grid gap-1 sm:grid-cols-[10rem_1fr]">
              <dt className="text-gray-700">{d.items}</dt>
              <dd>
                <ul className="space-y-1">
                  {inspection.items.map((item) => (
                    <li key={item.id}>
                      {item.name}（{item.targetScope}；{item.method}；{d.powerOf(item.powerCode, item.powerName)}）
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          </dl>
          <p className="mt-4 whitespace-pre-line border-t border-gray-200 pt-4 text-sm leading-7">{inspection.description}</p>
        </section>

        {inspection.draw ? (
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="draw">
            <h2 id="draw" className="mb-3 text-lg font-semibold">
              {d.draw}
            </h2>
            <PublicDrawSummary
              draw={inspection.draw}
              sectionName={inspection.sectionName}
              targetCount={inspection.targetCount}
              inspectorsPerTarget={inspection.inspectorsPerTarget}
              inputHref={`/api/v1/inspections/${inspection.id}/draw-input`}
            />
          </section>
        ) : null}

        <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="assignments">
          <h2 id="assignments" className="mb-3 text-lg font-semibold">
            {d.assignments}
          </h2>
          <div className="mb-3 text-sm" data-testid="results-timeliness">
            {inspection.resultsState === "withdrawn" && inspection.resultsWithdrawnAt ? (
              <p className="text-red-800">
                {d.resultsWithdrawn(formatDate(new Date(inspection.resultsWithdrawnAt)), inspection.resultsWithdrawalReason ?? "")}
              </p>
            ) : found.resultsPublished ? (
              <p>
                {p.resultsPublishedOn(timeliness.publishedOn ?? "—")}；{d.resultsDue}：{d.resultsDueValue(timeliness.due)}，
                <strong>{m.timeliness[timeliness.status]}</strong>
              </p>
            ) : (
              <p className={timeliness.status === "overdue" ? "font-semibold text-red-700" : ""}>
                {p.resultsNotYet}
                {d.resultsDue}：{d.resultsDueValue(timeliness.due)}
                {timeliness.status === "overdue" ? `，${m.timeliness.overdue}` : ""}
              </p>
            )}
            <details className="no-print mt-1 text-gray-700">
              <summary>{d.explanation}</summary>
              <p className="mt-1">{timeliness.explanation}</p>
            </details>
          </div>
          <AssignmentTable assignments={inspection.assignments} showResults={found.resultsPublished} />
        </section>
      </article>
    </div>
  );
}
