import { messages } from "@/lib/i18n";
import { formatSatisfactionRate } from "@/lib/proposals/satisfaction";
import type { ProposalKindStats, ProposalYearStats } from "@/lib/proposals/stats";

/** The per-year figures of 建议提案办理 (public page and console). */
export function ProposalStatsTable({ stats }: { stats: ProposalYearStats }) {
  const m = messages.proposals.stats;
  const kinds = messages.proposals.kinds;
  const rows: [string, string, ProposalKindStats][] = [
    ["suggestion", kinds.suggestion, stats.byKind.suggestion],
    ["proposal", kinds.proposal, stats.byKind.proposal],
    ["total", m.total, stats.total],
  ];
  return (
    <div className="overflow-x-auto">
      <table className="stack-table w-full border-collapse text-sm" data-testid="proposal-stats">
        <caption className="mb-2 text-left font-semibold">{m.caption(stats.year)}</caption>
        <thead>
          <tr className="bg-gray-100">
            <th scope="col" className="border border-gray-300 px-2 py-2 text-left">
              {messages.proposals.fields.kind}
            </th>
            <th scope="col" className="border border-gray-300 px-2 py-2 text-right">
              {m.received}
            </th>
            <th scope="col" className="border border-gray-300 px-2 py-2 text-right">
              {m.replied}
            </th>
            <th scope="col" className="border border-gray-300 px-2 py-2 text-right">
              {m.onTime}
            </th>
            <th scope="col" className="border border-gray-300 px-2 py-2 text-right">
              {m.published}
            </th>
            <th scope="col" className="border border-gray-300 px-2 py-2 text-right">
              {m.withFeedback}
            </th>
            <th scope="col" className="border border-gray-300 px-2 py-2 text-right">
              {m.satisfactionRate}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, label, row]) => (
            <tr key={key} data-testid={`stats-${key}`} className={key === "total" ? "font-semibold" : undefined}>
              <th scope="row" className="border border-gray-300 px-2 py-2 text-left font-medium">
                {label}
              </th>
              <td className="border border-gray-300 px-2 py-2 text-right" data-label={m.received}>
                {row.received}
              </td>
              <td className="border border-gray-300 px-2 py-2 text-right" data-label={m.replied}>
                {row.replied}
              </td>
              <td className="border border-gray-300 px-2 py-2 text-right" data-label={m.onTime}>
                {row.onTime}
              </td>
              <td className="border border-gray-300 px-2 py-2 text-right" data-label={m.published}>
                {row.published}
              </td>
              <td className="border border-gray-300 px-2 py-2 text-right" data-label={m.withFeedback}>
                {row.withFeedback}
              </td>
              <td className="border border-gray-300 px-2 py-2 text-right" data-testid={`rate-${key}`} data-label={m.satisfactionRate}>
                {formatSatisfactionRate(row.satisfactionRate)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-gray-700">{m.rateHint}</p>
    </div>
  );
}
