import { requireApiUser } from "@/lib/auth/session";
import { respondWithJson } from "@/lib/api/respond";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return respondWithJson(async () => ({ user: await requireApiUser(request) }));
}
