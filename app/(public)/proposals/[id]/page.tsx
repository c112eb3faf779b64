import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Fragment } from "react";
import { publicMetadata } from "@/app/(public)/_lib/public-metadata";
import { PrintButton } from "@/components/public/print-button";
import { RegisterBreadcrumb } from "@/components/public/register-breadcrumb";
import { agencyHref } from "@/lib/agency/agency-address";
import { articleDate } from "@/lib/agency/page-identity";
import { findPublicAgency } from "@/lib/agency/public-agency";
import { messages } from "@/lib/i18n";
import { findPublicProposal } from "@/lib/proposals/public-proposals";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ agency?: string | string[] }> };

async function load(params: Props["params"]) {
  const raw = (await params).id;
  return /^\d+$/.test(raw) ? findPublicProposal(Number(raw)) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const proposal = await load(params);
  return publicMetadata({
    page: proposal?.title ?? messages.errors.notFoundTitle,
    column: "disclosure",
    columnName: messages.proposals.public.title,
    article: proposal
      ? {
          title: proposal.title,
          publishedAt: articleDate(proposal.repliedOn),
          keywords: [messages.proposals.kinds[proposal.kind], proposal.number],
          description: proposal.replies.at(-1)?.text ?? proposal.title,
          path: `/proposals/${proposal.id}`,
        }
      : undefined,
  });
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** One proposal's public replies, whichever agency's; `?agency=CODE` (from that agency's list) keeps the way back to its list. */
export default async function PublicProposalPage({ params, searchParams }: Props) {
  const [proposal, agency] = await Promise.all([load(params), findPublicAgency((await searchParams).agency)]);
  if (!proposal || !agency) notFound();
  const m = messages.proposals;
  const rows: [string, string][] = [
    [m.fields.year, String(proposal.year)],
    [m.fields.kind, m.kinds[proposal.kind]],
    [m.fields.session, proposal.session],
    [m.fields.number, proposal.number],
    [m.fields.proposers, proposal.proposers.join("、")],
    [m.fields.leadSectionId, proposal.leadSection ?? "—"],
  ];
  const pairs: [string, string][][] = [];
  for (let index = 0; index < rows.length; index += 2) pairs.push(rows.slice(index, index + 2));
  return (
    <div>
      <RegisterBreadcrumb
        agency={agency}
        steps={[{ label: m.public.title, href: `/proposals?year=${proposal.year}` }]}
        className="no-print mb-4 text-sm text-gray-700"
      />
      <article className="rounded border border-gray-300 bg-white p-6" aria-labelledby="proposal-title">
        <table className="pairs-table w-full table-fixed border-collapse text-sm" data-testid="proposal-metadata">
          <tbody>
            {pairs.map((pair) => (
              <tr key={pair[0][0]}>
                {pair.map(([label, value]) => (
                  <Fragment key={label}>
                    <th scope="row" className="w-24 border border-gray-300 bg-gray-100 px-2 py-2 text-left font-medium">
                      {label}
                    </th>
                    <td className="border border-gray-300 px-2 py-2 break-words">{value}</td>
                  </Fragment>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <h1 id="proposal-title" className="mt-6 text-center text-2xl font-bold leading-9">
          {proposal.title}
        </h1>
        {proposal.replies.map((reply) => (
          <section key={reply.round} className="mt-8 border-t border-gray-200 pt-4" aria-labelledby={`reply-${reply.round}`} data-testid="proposal-reply">
            <h2 id={`reply-${reply.round}`} className="text-lg font-semibold">
              {m.public.replyRound(reply.round)}
              <span className="ml-3 text-sm font-normal text-gray-700">
                {m.public.columns.repliedOn}：<time dateTime={reply.repliedOn}>{reply.repliedOn}</time>
              </span>
            </h2>
            {reply.mode === "summary" ? <p className="mt-2 text-sm text-gray-700">{m.public.summaryNotice}</p> : null}
            <div className="mt-3 leading-8 whitespace-pre-wrap" data-testid="proposal-reply-text">
              {reply.text}
            </div>
            {reply.attachments.length ? (
              <div className="mt-4">
                <h3 className="font-semibold">{m.public.attachments}</h3>
                <ul className="mt-2 list-disc pl-6">
                  {reply.attachments.map((attachment) => (
                    <li key={attachment.id}>
                      <a href={`/proposals/files/${attachment.id}`} download>
                        {attachment.name}
                      </a>
                      <span className="ml-2 text-sm text-gray-700">（{formatSize(attachment.sizeBytes)}）</span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </section>
        ))}
        <div className="no-print mt-8 flex justify-between gap-3">
          <Link href={agencyHref(`/proposals?year=${proposal.year}`, agency)}>{m.public.back}</Link>
          <PrintButton label={messages.publicItems.print} />
        </div>
      </article>
    </div>
  );
}
