import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readPositiveInteger } from "@/lib/api/route-params";
import { requireApiUser } from "@/lib/auth/session";
import { createTarget, listTargets } from "@/lib/inspections/manage-lists";

export const dynamic = "force-dynamic";

/** 检查对象名录库: `?q=&category=&status=active|inactive|all&page=`. */
export function GET(request: Request) {
  return respondWithJson(async () => {
    const query = new URL(request.url).searchParams;
    const status = query.get("status");
    return listTargets(await requireApiUser(request), {
      q: query.get("q") ?? undefined,
      category: query.get("category") || undefined,
      status: status === "inactive" || status === "all" ? status : "active",
      page: readPositiveInteger(query.get("page")),
      pageSize: readPositiveInteger(query.get("pageSize")),
    });
  });
}

export function POST(request: Request) {
  return respondWithJson(async () => createTarget(await requireApiUser(request), await readJsonBody(request)), 201);
}
