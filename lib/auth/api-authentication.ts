import "server-only";
import { loadActingUser, type ActingUser } from "@/lib/auth/acting-user";
import { findLiveApiToken, type LiveApiToken } from "@/lib/auth/api-tokens";
import { findCrossSiteWriteProblem, isWriteMethod } from "@/lib/auth/same-origin-writes";
import { AppError, ForbiddenError, PasswordChangeRequiredError } from "@/lib/errors";
import { messages } from "@/lib/i18n";

/** A cookie-authenticated write from another site, or in a form another site can send: 403. */
export class CrossSiteWriteError extends AppError {
  constructor(message: string) {
    super(403, "cross_site_write", message);
  }
}

export type ApiAuthentication = { via: "session"; user: ActingUser } | { via: "token"; user: ActingUser; token: LiveApiToken };

/**
 * Who makes an API request: a personal token (Authorization: Bearer …) or, without one, the
 * session (`sessionUser`, lib/auth/session.ts), or null. Refuses (403) a write with a read-only
 * token, and a write with the session cookie that is not a same-origin JSON or multipart request
 * (lib/auth/same-origin-writes.ts), and any request of an account that must still change its
 * one-time password (User.mustChangePassword). Kept apart from Auth.js so that it runs outside Next too.
 */
export async function authenticateApiRequestWith(request: Request, sessionUser: () => Promise<ActingUser | null>): Promise<ApiAuthentication | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return null;
    const token = await findLiveApiToken(match[1]);
    const user = token ? await loadActingUser(token.userId) : null;
    if (!token || !user) return null;
    if (user.mustChangePassword) throw new PasswordChangeRequiredError();
    if (token.scope === "read" && isWriteMethod(request.method)) throw new ForbiddenError(messages.apiAuth.readOnlyToken);
    return { via: "token", user, token };
  }
  const user = await sessionUser();
  if (!user) return null;
  // A one-time password is changed on the console's account page; until then the API serves nobody.
  if (user.mustChangePassword) throw new PasswordChangeRequiredError();
  const problem = findCrossSiteWriteProblem(request);
  if (problem) throw new CrossSiteWriteError(problem === "origin" ? messages.apiAuth.crossSiteOrigin : messages.apiAuth.crossSiteContentType);
  return { via: "session", user };
}
