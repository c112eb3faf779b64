import "server-only";
import { findAgencyByCode } from "@/lib/agency/agencies";
import { reachesEveryAgency } from "@/lib/agency/agency-scope";
import type { ActingUser } from "@/lib/auth/acting-user";
import { NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { messages } from "@/lib/i18n";

/**
 * `agency=<code>` on an admin endpoint (集约化): a platform role acts within that agency alone — its
 * lists, figures and exports are that agency's, as for the agency's own people, and its permissions
 * stay its own. Anyone else may name only their own agency; another agency's code, or one no agency
 * has, is 404 (no agency's existence is disclosed to them).
 */
export async function narrowToAgency(actor: ActingUser, code: string | null): Promise<ActingUser> {
  if (code === null || code === "") return actor;
  const agency = await findAgencyByCode(code);
  if (!agency || (!reachesEveryAgency(actor) && agency.id !== actor.agencyId)) throw new NotFoundError(messages.common.notFound.agency);
  if (!reachesEveryAgency(actor)) return actor;
  return { ...actor, agencyId: agency.id, agencyCode: agency.code, agencyName: agency.name, narrowedToAgency: true };
}

/** The actor an API request acts as: its user (401 without one), narrowed by `agency=` on an admin endpoint. */
export async function actorOfApiRequest(request: Request, user: ActingUser | null): Promise<ActingUser> {
  if (!user) throw new UnauthenticatedError();
  const url = new URL(request.url);
  return url.pathname.startsWith("/api/v1/admin/") ? narrowToAgency(user, url.searchParams.get("agency")) : user;
}
