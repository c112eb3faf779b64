import { respondWithJson } from "@/lib/api/respond";
import { authenticateApiRequest } from "@/lib/auth/session";
import { UnauthenticatedError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** The signed-in user, and how the request was authenticated (a token's scope and expiry). */
export function GET(request: Request) {
  return respondWithJson(async () => {
    const authenticated = await authenticateApiRequest(request);
    if (!authenticated) throw new UnauthenticatedError();
    const authentication =
      authenticated.via === "token" ? { method: "token", scope: authenticated.token.scope, expiresAt: authenticated.token.expiresAt } : { method: "session" };
    return { user: authenticated.user, authentication };
  });
}
