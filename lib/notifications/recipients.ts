import "server-only";
import { isPermitted, type Action } from "@/lib/auth/permissions";
import { roles } from "@/lib/auth/roles";
import type { DatabaseTransaction } from "@/lib/db";

/** The active users whose role holds `action`, of one section when `sectionId` is given. */
export async function usersHolding(tx: Pick<DatabaseTransaction, "user">, action: Action, sectionId?: number | null): Promise<number[]> {
  const holding = roles.filter((role) => isPermitted(role, action));
  if (!holding.length || sectionId === null) return [];
  const users = await tx.user.findMany({
    where: { role: { in: holding }, disabledAt: null, ...(sectionId === undefined ? {} : { sectionId }) },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return users.map((user) => user.id);
}
