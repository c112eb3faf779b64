import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/public/pagination";
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
      <h1 className="text-xl font-bold">{m.title}</h1>
      <section className="rounded border border-gray-300 bg-white p-4" aria-labelledby="feedback-stats">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="feedback-stats" className="font-semibold">{m.statsTitle(year)}</h2>
          <form method="get" className="flex items-end gap-2 text-sm" aria-label={m.statsYear}>
            {status ? <input type="hidden" name="status" value={status} /> : null}
            <label className="flex flex-col">{m.statsYear}
              <input type="number" name="year" defaultValue={year} min={2000} max={2100} className="mt-1 w-24 rounded border border-gray-400 px-2 py-1" />
            </label>
            <button type="submit" className="rounded border border-gray-500 bg-white px-3 py-1">{m.show}</button>
          </form>
        </div>
        <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-6" data-testid="feedback-stats">
          {statCells.map(([label, value]) => (
            <div key={label} className="rounded border border-gray-200 p-2"><dt className="text-gray-700">{label}</dt><dd className="text-lg font-semibold">{value}</dd></div>
          ))}
        </dl>
      </section>
      <nav aria-label="留言状态" className="flex flex-wrap gap-2 text-sm">
        {tabs.map(([value, label, count]) => (
          <Link key={value} href={value === "all" ? "/admin/feedback" : `/admin/feedback?status=${value}`} aria-current={(status ?? "all") === value ? "page" : undefined}
            className="rounded border border-gray-400 px-3 py-1 aria-[current=page]:border-blue-800 aria-[current=page]:bg-blue-800 aria-[current=page]:text-white">
            {label}{count ? `（${count}）` : ""}
          </Link>
        ))}
      </nav>
      <div className="overflow-x-auto rounded border border-gray-300 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-gray-100">
            <tr>{Object.values(m.columns).map((label) => <th key={label} scope="col" className="px-3 py-2">{label}</th>)}</tr>
          </thead>
          <tbody>
            {result.entries.map((entry) => (
              <tr key={entry.id} className="border-t border-gray-200">
                <td className="px-3 py-2">{entry.id}</td>
                <td className="px-3 py-2"><Link href={`/admin/feedback/${entry.id}`}>{entry.topic}</Link>{entry.itemTitle ? <span className="block text-xs text-gray-700">{entry.itemTitle}</span> : null}</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(entry.submittedAt)}</td>
                <td className="px-3 py-2">{entry.sectionName ?? m.unassigned}</td>
                <td className="px-3 py-2 whitespace-nowrap" data-testid="feedback-status">{f.statuses[entry.status]}{entry.published ? ` · ${m.detail.published}` : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {result.entries.length === 0 ? <p className="p-4 text-gray-700">{m.empty}</p> : null}
      </div>
      <Pagination page={page} pageSize={result.pageSize} total={result.total} basePath="/admin/feedback" query={{ status }} />
    </div>
  );
}
