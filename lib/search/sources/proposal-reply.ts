import "server-only";
import { publicReplyContent } from "@/lib/proposals/reply-disclosure";
import type { SearchSource } from "@/lib/search/sources/types";

/**
 * 建议提案办理: one document per proposal that has a public reply: its title, number, session and
 * proposers, and of each reply only what its disclosure allows (the whole text with attachments,
 * or only the summary), decided by lib/proposals/reply-disclosure.ts like every other public read.
 */
export const proposalReplySearchSource: SearchSource = {
  type: "proposal_reply",

  async listPublicVersions(client, page) {
    const rows = await client.$queryRaw<{ id: number; version: string }[]>`
      SELECT p."id", p."version"::text || ':' || string_agg(r."id"::text || '.' || r."version"::text || r."disclosure"::text, ',' ORDER BY r."round") AS "version"
        FROM "Proposal" p JOIN "ProposalReply" r ON r."proposalId" = p."id"
       WHERE r."state" = 'published' AND r."withdrawnAt" IS NULL AND r."disclosure" <> 'none' AND p."id" > ${page.after}
       GROUP BY p."id", p."version"
       ORDER BY p."id" LIMIT ${page.limit}`;
    return new Map(rows.map((row) => [row.id, row.version]));
  },

  async loadDocuments(client, ids) {
    if (!ids.length) return [];
    const proposals = await client.proposal.findMany({
      where: { id: { in: ids } },
      include: { replies: { orderBy: { round: "asc" }, include: { attachments: { orderBy: { sortOrder: "asc" }, include: { file: true } } } } },
    });
    return proposals.flatMap((proposal) => {
      const replies = proposal.replies.flatMap((reply) => {
        const content = publicReplyContent(reply);
        return content ? [{ reply, content }] : [];
      });
      if (!replies.length) return [];
      const latest = replies.at(-1)!.reply;
      return [
        {
          type: "proposal_reply" as const,
          sourceId: proposal.id,
          sourceVersion: `${proposal.version}:${replies.map(({ reply }) => `${reply.id}.${reply.version}${reply.disclosure}`).join(",")}`,
          title: proposal.title,
          agencyId: proposal.agencyId,
          fields: [
            ...replies.flatMap(({ content }) => [
              content.text,
              ...content.attachments.flatMap((attachment) => [attachment.file.originalName, attachment.file.extractedText]),
            ]),
            proposal.number,
            proposal.session,
            proposal.proposers.join("、"),
          ],
          url: `/proposals/${proposal.id}`,
          publishedAt: latest.publishedAt ?? proposal.updatedAt,
        },
      ];
    });
  },
};
