import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { ActingUser } from "@/lib/auth/acting-user";
import { isPermitted, type Action } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";

/** For console pages: the signed-in user, or a redirect to login; 403 when the role lacks the action. */
export async function requirePageUser(action: Action = "console.access"): Promise<ActingUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  if (!isPermitted(user.role, action)) forbidden();
  return user;
}
