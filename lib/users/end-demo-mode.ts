import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findAccountsWithDemoPassword } from "@/lib/runtime/demo-mode";
import { parseInput } from "@/lib/validation";

const endDemoModeSchema = z.object({
  confirm: z.literal(["on", "yes", "true"], { error: messages.users.demoModeConfirmRequired }),
});

/** Whether the installation is in demo mode (the login page lists the demo accounts). */
export async function isDemoModeActive(actor: ActingUser): Promise<boolean> {
  assertPermitted(actor, "user.manage");
  const agency = await db.agency.findFirst({ where: { isDefault: true }, select: { demoMode: true } });
  return agency?.demoMode ?? false;
}

/**
 * Ends demo mode: every enabled account that can still be signed into with the published demo
 * password is disabled, and the login page no longer lists the demo accounts. Demo accounts whose
 * password was changed stay as they are. Refused while the acting admin's own password is the
 * demo password (they would lock themselves out). Audited with the accounts disabled.
 */
export async function endDemoMode(actor: ActingUser, input: unknown): Promise<{ disabledUsernames: string[] }> {
  assertPermitted(actor, "user.manage");
  parseInput(endDemoModeSchema, input);
  if (!(await isDemoModeActive(actor))) throw new ConflictError(messages.users.demoModeNotActive);
  // bcrypt comparisons take a while: done before the transaction, re-checked inside it by hash.
  const exposed = await findAccountsWithDemoPassword();
  if (exposed.some((account) => account.id === actor.id)) throw new ConflictError(messages.users.demoModeOwnPassword);
  return db.$transaction(async (tx) => {
    const agency = await tx.agency.findFirst({ where: { isDefault: true } });
    if (!agency) throw new ConflictError(messages.users.demoModeNotActive);
    // Row lock: two admins ending demo mode at once end it once.
    await tx.$queryRaw`SELECT "id" FROM "Agency" WHERE "id" = ${agency.id} FOR UPDATE`;
    const locked = await tx.agency.findUniqueOrThrow({ where: { id: agency.id } });
    if (!locked.demoMode) throw new ConflictError(messages.users.demoModeNotActive);
    const disabledUsernames: string[] = [];
    for (const account of exposed) {
      // Skipped if its password changed since it was checked, or someone disabled it meanwhile.
      const { count } = await tx.user.updateMany({
        where: { id: account.id, passwordHash: account.passwordHash, disabledAt: null },
        data: { disabledAt: currentTime() },
      });
      if (count) disabledUsernames.push(account.username);
    }
    await tx.agency.update({ where: { id: agency.id }, data: { demoMode: false } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "demo_mode.end",
      entityType: "Agency",
      entityId: agency.id,
      details: { disabledUsernames },
    });
    return { disabledUsernames };
  });
}
