import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/session";
import { createInspector, listInspectors } from "@/lib/inspections/manage-lists";

export const dynamic = "force-dynamic";

/** 执法检查人员名录库 with each inspector's declared conflicts of interest. */
export function GET(request: Request) {
  return respondWithJson(async () => listInspectors(await requireApiUser(request)));
}

export function POST(request: Request) {
  return respondWithJson(async () => createInspector(await requireApiUser(request), await readJsonBody(request)), 201);
}
