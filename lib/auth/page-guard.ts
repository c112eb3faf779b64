import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { ActingUser } from "@/lib/auth/acting-user";
import { isPermitted, type Action } from "@/lib/auth/permissions";
import { getSessionUserPendingPasswordChange } from "@/lib/auth/session";

/** Where an account with a one-time password is sent until it has changed it: the account page's form. */
export const PASSWORD_CHANGE_PAGE = "/admin/account";

/**
 * For console pages: the signed-in user, or a redirect to login; 403 when the role lacks the action
 * (given several, when it holds none of them).
 * An account that must still change its one-time password is sent to the password change
 * (PASSWORD_CHANGE_PAGE) from every page but those that pass `allowPendingPasswordChange` (the
 * account page itself and the console's frame around it).
 */
export async function requirePageUser(
  action: Action | readonly Action[] = "console.access",
  options: { allowPendingPasswordChange?: boolean } = {},
): Promise<ActingUser> {
  const user = await getSessionUserPendingPasswordChange();
  if (!user) redirect("/login");
  if (user.mustChangePassword && !options.allowPendingPasswordChange) redirect(PASSWORD_CHANGE_PAGE);
  const actions: readonly Action[] = typeof action === "string" ? [action] : action;
  if (!actions.some((each) => isPermitted(user.role, each))) forbidden();
  return user;
}
