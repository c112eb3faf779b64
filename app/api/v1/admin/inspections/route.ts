import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readPositiveInteger } from "@/lib/api/route-params";
import { requireApiUser } from "@/lib/auth/session";
import { findConsoleInspection, listConsoleInspections } from "@/lib/inspections/console-inspections";
import { createInspection } from "@/lib/inspections/manage-inspections";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return respondWithJson(async () => {
    const query = new URL(request.url).searchParams;
    return listConsoleInspections(await requireApiUser(request), {
      year: readPositiveInteger(query.get("year")),
      page: readPositiveInteger(query.get("page")),
    });
  });
}

export function POST(request: Request) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    const created = await createInspection(actor, await readJsonBody(request));
    return { inspection: await findConsoleInspection(actor, created.id) };
  }, 201);
}
