import "server-only";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";

/** The signed-in user every data-layer function takes as its first argument. */
export type ActingUser = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  sectionId: number;
  sectionName: string;
  /** The agency the user's section belongs to: every data-layer function scopes by it (集约化). */
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  /**
   * The account holds a one-time password: it acts for nobody but the password change until the
   * user sets their own (lib/auth/session.ts, lib/auth/page-guard.ts, `assertPermitted`).
   */
  mustChangePassword?: boolean;
  /**
   * A platform role narrowed to one agency (`agency=<code>` on an admin endpoint,
   * lib/agency/narrow-to-agency.ts): it then reaches that agency's records only, with its own permissions.
   */
  narrowedToAgency?: boolean;
};

/**
 * Loads the user fresh from the database, so a disabled account or a changed role applies at once.
 * With `sessionEpoch` (a session's claim): null unless it is the user's current epoch, so sessions
 * signed in before a password change or reset end at once too.
 */
export async function loadActingUser(userId: number, options: { sessionEpoch?: number } = {}): Promise<ActingUser | null> {
  const user = await db.user.findUnique({ where: { id: userId }, include: { section: { include: { agency: true } } } });
  if (!user || user.disabledAt) return null;
  if (options.sessionEpoch !== undefined && options.sessionEpoch !== user.sessionEpoch) return null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    sectionId: user.sectionId,
    sectionName: user.section.name,
    agencyId: user.section.agencyId,
    agencyCode: user.section.agency.code,
    agencyName: user.section.agency.name,
    mustChangePassword: user.mustChangePassword,
  };
}
