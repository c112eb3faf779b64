import Link from "next/link";
import { agencyHref, type AddressedAgency } from "@/lib/agency/agency-address";
import { messages } from "@/lib/i18n";
import type { PublishedProposalReply } from "@/lib/proposals/public-proposals";

/**
 * Published proposal replies as a table. Used on /proposals; the 建议提案办理 catalogue category
 * (/catalogue/proposals) can show the same list with `findPublishedProposalReplies()`.
 */
export function PublishedProposalList({ proposals, emptyText, agency }: { proposals: PublishedProposalReply[]; emptyText: string; agency: AddressedAgency }) {
  const m = messages.proposals.public;
  if (!proposals.length) return <p className="py-6 text-gray-700">{emptyText}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="stack-table w-full border-collapse text-sm" data-testid="published-proposals">
        <thead>
          <tr className="bg-gray-100 text-left">
            <th scope="col" className="border border-gray-300 px-2 py-2">
              {m.columns.number}
            </th>
            <th scope="col" className="border border-gray-300 px-2 py-2">
              {m.kind}
            </th>
            <th scope="col" className="border border-gray-300 px-2 py-2">
              {m.columns.title}
            </th>
            <th scope="col" className="border border-gray-300 px-2 py-2">
              {m.columns.proposers}
            </th>
            <th scope="col" className="border border-gray-300 px-2 py-2">
              {m.columns.repliedOn}
            </th>
            <th scope="col" className="border border-gray-300 px-2 py-2">
              {m.columns.disclosure}
            </th>
          </tr>
        </thead>
        <tbody>
          {proposals.map((proposal) => (
            <tr key={proposal.id}>
              <td className="border border-gray-300 px-2 py-2 whitespace-nowrap" data-label={m.columns.number}>
                {proposal.number}
              </td>
              <td className="border border-gray-300 px-2 py-2 whitespace-nowrap" data-label={m.kind}>
                {messages.proposals.kindsShort[proposal.kind]}
              </td>
              <td className="border border-gray-300 px-2 py-2" data-label={m.columns.title}>
                <Link href={agencyHref(`/proposals/${proposal.id}`, agency)}>{proposal.title}</Link>
              </td>
              <td className="border border-gray-300 px-2 py-2" data-label={m.columns.proposers}>
                {proposal.proposers.join("、")}
              </td>
              <td className="border border-gray-300 px-2 py-2 whitespace-nowrap" data-label={m.columns.repliedOn}>
                <time dateTime={proposal.repliedOn}>{proposal.repliedOn}</time>
              </td>
              <td className="border border-gray-300 px-2 py-2 whitespace-nowrap" data-label={m.columns.disclosure}>
                {messages.proposals.disclosures[proposal.disclosure]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
