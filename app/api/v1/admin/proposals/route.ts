import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readPositiveInteger } from "@/lib/api/route-params";
import { requireApiUser } from "@/lib/auth/session";
import { findConsoleProposal, listConsoleProposals } from "@/lib/proposals/console-proposals";
import { createProposal } from "@/lib/proposals/manage-proposals";
import { readKindParam, readProposalStatusParam, readYearParam } from "@/lib/proposals/query-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    const query = new URL(request.url).searchParams;
    return listConsoleProposals(actor, {
      year: readYearParam(query.get("year")),
      kind: readKindParam(query.get("kind")),
      status: readProposalStatusParam(query.get("status")),
      page: readPositiveInteger(query.get("page")),
      pageSize: readPositiveInteger(query.get("pageSize")),
    });
  });
}

export function POST(request: Request) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    const created = await createProposal(actor, await readJsonBody(request));
    return { proposal: await findConsoleProposal(actor, created.id) };
  }, 201);
}
