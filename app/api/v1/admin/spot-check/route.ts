import { respondWithJson } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/session";
import { runSpotCheck } from "@/lib/oversight/spot-check";

export const dynamic = "force-dynamic";

/** `GET /api/v1/admin/spot-check` → `{checkedAt, indicators: [{key, status, count, url}]}`: the website spot-check, now. */
export function GET(request: Request) {
  return respondWithJson(async () => {
    const result = await runSpotCheck(await requireApiUser(request));
    return {
      checkedAt: result.checkedAt.toISOString(),
      indicators: result.indicators.map(({ key, status, count, url }) => ({ key, status, count, url })),
    };
  });
}
