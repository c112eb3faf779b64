import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/console/data-table";
import { FilterBar, FilterInput } from "@/components/console/filter-bar";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { StateBadge } from "@/components/console/state-badge";
import { TabLinks } from "@/components/console/tab-links";
import { readPositiveInteger } from "@/lib/api/route-params";
import { requirePageUser } from "@/lib/auth/page-guard";
import { todayInBeijing } from "@/lib/dates";
import { countConsoleFeedbackByStatus, listConsoleFeedback } from "@/lib/feedback/manage-feedback";
import { feedbackStatsForYear } from "@/lib/feedback/stats";
import { formatDateTime } from "@/lib/format";
import { FeedbackStatus } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { formatSatisfactionRate } from "@/lib/proposals/satisfaction";

export const metadata: Metadata = { title: messages.proposals.feedback.console.title };

type Props = { searchParams: Promise<{ status?: string; page?: string; year?: string }> };

export default async function ConsoleFeedbackPage({ searchParams }: Props) {
  const actor = await requirePageUser("feedback.read_console");
  const query = await searchParams;
  const status = Object.values(FeedbackStatus).find((value) => value === query.status);
  const page = readPositiveInteger(query.page ?? null) ?? 1;
  const thisYear = Number(todayInBeijing().slice(0, 4));
  const year = /^\d{4}$/.test(query.year ?? "") ? Number(query.year) : thisYear;
  const [result, counts, stats] = await Promise.all([
    listConsoleFeedback(actor, { status, page }),
    countConsoleFeedbackByStatus(actor),
    feedbackStatsForYear(actor, year),
  ]);
  const f = messages.proposals.feedback;
  const m = f.console;
  const c = m.columns;
  const tabs: [FeedbackStatus | "all", string, number | null][] = [
    ["all", m.tabs.all, null],
    ...Object.values(FeedbackStatus).map((value): [FeedbackStatus, string, number] => [value, m.tabs[value], counts[value]]),
  ];
  const s = f.stats;
  const statCells: [string, string][] = [
    [s.received, String(stats.received)],
    [s.answered, String(stats.answered)],
    [s.published, String(stats.published)],
    [s.moderated, String(stats.rejected)],
    [s.ratings, String(stats.ratings.satisfied + stats.ratings.basically_satisfied + stats.ratings.unsatisfied)],
    [s.satisfactionRate, formatSatisfactionRate(stats.satisfactionRate)],
  ];
  return (
    <div className="space-y-4">
      <PageHeader title={m.title} />
      <Panel
        id="feedback-stats"
        title={m.statsTitle(year)}
        actions={
          <FilterBar label={m.statsYear} submitLabel={m.show}>
            {status ? <input type="hidden" name="status" value={status} /> : null}
            <FilterInput name="year" type="number" label={m.statsYear} defaultValue={year} min={2000} max={2100} width="narrow" />
          </FilterBar>
        }
      >
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-6" data-testid="feedback-stats">
          {statCells.map(([label, value]) => (
            <div key={label} className="rounded border border-gray-200 p-2">
              <dt className="text-gray-700">{label}</dt>
              <dd className="text-lg font-semibold">{value}</dd>
            </div>
          ))}
        </dl>
      </Panel>
      <TabLinks
        label={m.statusNav}
        current={status ?? "all"}
        tabs={tabs.map(([value, label, count]) => ({
          key: value,
          label: `${label}${count ? `（${count}）` : ""}`,
          href: value === "all" ? "/admin/feedback" : `/admin/feedback?status=${value}`,
        }))}
      />
      <DataTable
        caption={m.title}
        rows={result.entries}
        rowKey={(entry) => entry.id}
        empty={m.empty}
        paging={{ page, pageSize: result.pageSize, total: result.total, basePath: "/admin/feedback", query: { status } }}
        columns={[
          { key: "id", header: c.id, cell: (entry) => entry.id },
          {
            key: "topic",
            header: c.topic,
            cell: (entry) => (
              <>
                <Link href={`/admin/feedback/${entry.id}`}>{entry.topic}</Link>
                {entry.itemTitle ? <span className="block text-xs text-gray-700">{entry.itemTitle}</span> : null}
              </>
            ),
          },
          { key: "submittedAt", header: c.submittedAt, cell: (entry) => formatDateTime(entry.submittedAt), className: "whitespace-nowrap" },
          { key: "section", header: c.section, cell: (entry) => entry.sectionName ?? m.unassigned },
          {
            key: "status",
            header: c.status,
            className: "whitespace-nowrap",
            cell: (entry) => (
              <>
                <StateBadge workflow="feedback" state={entry.status} />
                {entry.published ? <span className="ml-1 text-xs text-gray-700">{m.detail.published}</span> : null}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
