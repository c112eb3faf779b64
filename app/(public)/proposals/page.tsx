import { notFound } from "next/navigation";
import { publicPage } from "@/app/(public)/_lib/public-metadata";
import { RegisterBreadcrumb } from "@/components/public/register-breadcrumb";
import { findPublicAgency } from "@/lib/agency/public-agency";
import { todayInBeijing } from "@/lib/dates";
import { messages } from "@/lib/i18n";
import { findProposalYears, findPublishedProposalReplies } from "@/lib/proposals/public-proposals";
import { proposalStatsForYear } from "@/lib/proposals/stats";
import { ProposalStatsTable } from "./_components/proposal-stats-table";
import { PublishedProposalList } from "./_components/published-proposal-list";

export const dynamic = "force-dynamic";

export const generateMetadata = publicPage(messages.proposals.public.title, "disclosure");

type Props = { searchParams: Promise<{ year?: string; kind?: string; agency?: string | string[] }> };

/**
 * The replies and yearly figures of the proposals sent to the default agency, or with
 * `?agency=CODE` to that agency (集约化); an unknown code is 404.
 */
export default async function PublicProposalsPage({ searchParams }: Props) {
  const query = await searchParams;
  const agency = await findPublicAgency(query.agency);
  if (!agency) notFound();
  const m = messages.proposals.public;
  const [years, everyPublished] = await Promise.all([findProposalYears(agency.code), findPublishedProposalReplies({ agencyCode: agency.code })]);
  const requested = /^\d{4}$/.test(query.year ?? "") ? Number(query.year) : undefined;
  // Without a chosen year, the latest year that has published results (the current year may have none yet).
  const year = requested ?? everyPublished[0]?.year ?? years[0] ?? Number(todayInBeijing().slice(0, 4));
  const kind = query.kind === "suggestion" || query.kind === "proposal" ? query.kind : undefined;
  const [stats, proposals] = await Promise.all([
    proposalStatsForYear(year, { agencyId: agency.id }),
    findPublishedProposalReplies({ agencyCode: agency.code, year, kind }),
  ]);
  const yearOptions = years.includes(year) ? years : [year, ...years].sort((a, b) => b - a);
  return (
    <div className="space-y-6">
      <RegisterBreadcrumb agency={agency} steps={[{ label: m.title, href: "/catalogue/proposals" }]} className="no-print text-sm text-gray-700" />
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="proposals-title">
        <h1 id="proposals-title" className="text-xl font-bold">
          {m.title}
        </h1>
        <p className="mt-2 leading-7">{m.intro}</p>
        <form method="get" className="no-print mt-4 flex flex-wrap items-end gap-3 text-sm" aria-label={m.filter}>
          {agency.isDefault ? null : <input type="hidden" name="agency" value={agency.code} />}
          <label className="flex max-w-full min-w-0 flex-col">
            {m.year}
            <select name="year" defaultValue={year} className="mt-1 max-w-full rounded border border-gray-400 px-2 py-1">
              {yearOptions.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </label>
          <label className="flex max-w-full min-w-0 flex-col">
            {m.kind}
            <select name="kind" defaultValue={kind ?? ""} className="mt-1 max-w-full rounded border border-gray-400 px-2 py-1">
              <option value="">{m.allKinds}</option>
              <option value="suggestion">{messages.proposals.kinds.suggestion}</option>
              <option value="proposal">{messages.proposals.kinds.proposal}</option>
            </select>
          </label>
          <button type="submit" className="rounded border border-gray-500 bg-white px-3 py-1 hover:bg-gray-100">
            {m.filter}
          </button>
        </form>
      </section>
      <section className="rounded border border-gray-300 bg-white p-6" aria-label={m.statsTitle(year)}>
        <ProposalStatsTable stats={stats} />
      </section>
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="replies-title">
        <h2 id="replies-title" className="mb-3 text-lg font-semibold">
          {m.catalogueLink}
        </h2>
        <PublishedProposalList proposals={proposals} emptyText={m.empty} agency={agency} />
      </section>
    </div>
  );
}
