import "server-only";
import { isInAgencyScope, sectionsInScope } from "@/lib/agency/agency-scope";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { revokeAllApiTokensOf } from "@/lib/auth/api-tokens";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { assertPermitted } from "@/lib/auth/permissions";
import { holdsPlatformRole, type Role } from "@/lib/auth/roles";
import { currentTime } from "@/lib/clock";
import { db, Prisma, type DatabaseTransaction } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { DEMO_PASSWORD } from "@/lib/users/demo-accounts";
import { changeOwnPasswordSchema, createUserSchema, resetPasswordSchema, updateUserSchema } from "@/lib/users/user-schemas";
import { parseInput } from "@/lib/validation";

export type UserSummary = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  sectionId: number;
  sectionName: string;
  agencyId: number;
  agencyName: string;
  disabled: boolean;
  createdAt: Date;
};

const withSection = { section: { include: { agency: { select: { name: true } } } } } as const;

/** The users an actor manages: those of its agency's sections, or every one for a platform role. */
function usersInScope(actor: ActingUser) {
  return { section: sectionsInScope(actor) };
}

function toSummary(user: {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  sectionId: number;
  section: { name: string; agencyId: number; agency: { name: string } };
  disabledAt: Date | null;
  createdAt: Date;
}): UserSummary {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    sectionId: user.sectionId,
    sectionName: user.section.name,
    agencyId: user.section.agencyId,
    agencyName: user.section.agency.name,
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt,
  };
}

export async function listUsers(actor: ActingUser): Promise<UserSummary[]> {
  assertPermitted(actor, "user.manage");
  const users = await db.user.findMany({
    where: usersInScope(actor),
    include: withSection,
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { username: "asc" }],
  });
  return users.map(toSummary);
}

export async function findUser(actor: ActingUser, userId: number): Promise<UserSummary> {
  assertPermitted(actor, "user.manage");
  const user = await db.user.findFirst({ where: { id: userId, ...usersInScope(actor) }, include: withSection });
  if (!user) throw new NotFoundError(messages.common.notFound.user);
  return toSummary(user);
}

/** The section must exist and lie in the actor's scope (the command line, `actor` null, reaches all). */
async function assertSectionInScope(tx: DatabaseTransaction, actor: ActingUser | null, sectionId: number): Promise<void> {
  const section = await tx.section.findUnique({ where: { id: sectionId } });
  if (!section || (actor && !isInAgencyScope(actor, section.agencyId))) {
    throw new ValidationError({ sectionId: [messages.administration.users.sectionMissing] });
  }
}

/** Platform roles are given only by a platform administrator (or the operator's command line). */
function assertMayGiveRole(actor: ActingUser | null, role: Role | undefined): void {
  if (role && actor && holdsPlatformRole({ role }) && actor.role !== "platform_admin") {
    throw new ValidationError({ role: [messages.administration.users.platformRoleReserved] });
  }
}

/**
 * Creates an account. `actor` null is the operator's command line (`npm run user:create`),
 * which is how a real deployment gets its first admin.
 */
export async function createUser(actor: ActingUser | null, input: unknown): Promise<UserSummary> {
  if (actor) assertPermitted(actor, "user.manage");
  const data = parseInput(createUserSchema, input);
  const passwordHash = await hashPassword(data.password);
  const usernameTaken = () => new ValidationError({ username: [messages.administration.users.usernameTaken] });
  // The schema normalised the username: an exact match finds every spelling of it.
  assertMayGiveRole(actor, data.role);
  return db.$transaction(async (tx) => {
    await assertSectionInScope(tx, actor, data.sectionId);
    if (await tx.user.findUnique({ where: { username: data.username } })) throw usernameTaken();
    const user = await tx.user
      .create({
        data: { username: data.username, displayName: data.displayName, role: data.role, sectionId: data.sectionId, passwordHash },
        include: withSection,
      })
      .catch((error: unknown) => {
        // Created by someone else since the check above.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw usernameTaken();
        throw error;
      });
    await recordAuditEvent(tx, {
      actorId: actor?.id ?? null,
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      details: { username: user.username, role: user.role, section: user.section.name, agency: user.section.agency.name },
    });
    return toSummary(user);
  });
}

export async function updateUser(actor: ActingUser, userId: number, input: unknown): Promise<UserSummary> {
  assertPermitted(actor, "user.manage");
  const data = parseInput(updateUserSchema, input);
  assertMayGiveRole(actor, data.role);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findFirst({ where: { id: userId, ...usersInScope(actor) } });
    if (!before) throw new NotFoundError(messages.common.notFound.user);
    // Nor may a platform role be taken from someone by an agency's administrator.
    assertMayGiveRole(actor, before.role);
    if (data.sectionId !== undefined) await assertSectionInScope(tx, actor, data.sectionId);
    if (userId === actor.id && data.role && data.role !== actor.role) {
      throw new ValidationError({ role: [messages.administration.users.ownAdminRole] });
    }
    const user = await tx.user.update({ where: { id: userId }, data, include: withSection });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.update",
      entityType: "User",
      entityId: userId,
      details: { before: { displayName: before.displayName, role: before.role, sectionId: before.sectionId }, after: data },
    });
    return toSummary(user);
  });
}

export async function setUserDisabled(actor: ActingUser, userId: number, disabled: boolean): Promise<UserSummary> {
  assertPermitted(actor, "user.manage");
  if (userId === actor.id && disabled) throw new ConflictError(messages.administration.users.disableSelf);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findFirst({ where: { id: userId, ...usersInScope(actor) } });
    if (!before) throw new NotFoundError(messages.common.notFound.user);
    assertMayGiveRole(actor, before.role);
    if (!disabled && before.disabledAt && (await holdsPublishedDemoPassword(tx, before))) {
      throw new ConflictError(messages.users.enableWithDemoPassword);
    }
    const user = await tx.user.update({
      where: { id: userId },
      data: { disabledAt: disabled ? (before.disabledAt ?? currentTime()) : null },
      include: withSection,
    });
    await recordAuditEvent(tx, { actorId: actor.id, action: disabled ? "user.disable" : "user.enable", entityType: "User", entityId: userId });
    return toSummary(user);
  });
}

/**
 * An enabled demo installation aside, an account that may still have the published demo password
 * (lib/users/demo-accounts.ts) must not be re-enabled until its password is reset.
 */
async function holdsPublishedDemoPassword(tx: DatabaseTransaction, user: { mayHaveDemoPassword: boolean; passwordHash: string }): Promise<boolean> {
  if (!user.mayHaveDemoPassword) return false;
  const agency = await tx.agency.findFirst({ where: { isDefault: true }, select: { demoMode: true } });
  if (agency?.demoMode) return false;
  return verifyPassword(DEMO_PASSWORD, user.passwordHash);
}

/**
 * Sets a new password and ends every way in that predates it: the session epoch moves on (every
 * session signed in before acts for nobody, lib/auth/session.ts) and all API tokens are revoked.
 * `oneTime`: a password someone else chose (an administrator's reset), which the user must
 * change at the next sign-in (User.mustChangePassword); the user's own clears that.
 */
async function replacePassword(
  tx: DatabaseTransaction,
  userId: number,
  passwordHash: string,
  oneTime: boolean,
): Promise<{ revokedTokens: number; sessionEpoch: number }> {
  const user = await tx.user.update({
    where: { id: userId },
    // The schema refuses the demo password, so this one is not it.
    data: { passwordHash, passwordChangedAt: currentTime(), sessionEpoch: { increment: 1 }, mayHaveDemoPassword: false, mustChangePassword: oneTime },
  });
  return { revokedTokens: await revokeAllApiTokensOf(tx, userId), sessionEpoch: user.sessionEpoch };
}

/**
 * An admin sets a user's password: all of that user's sessions and API tokens end, and the user
 * must replace it with their own at the next sign-in.
 */
export async function resetUserPassword(actor: ActingUser, userId: number, input: unknown): Promise<void> {
  assertPermitted(actor, "user.manage");
  const { password } = parseInput(resetPasswordSchema, input);
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, ...usersInScope(actor) } });
    if (!user) throw new NotFoundError(messages.common.notFound.user);
    assertMayGiveRole(actor, user.role);
    const { revokedTokens } = await replacePassword(tx, userId, passwordHash, true);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.reset_password",
      entityType: "User",
      entityId: userId,
      details: { revokedTokens, mustChangePassword: true },
    });
  });
}

/**
 * A user changes their own password: their sessions and API tokens end. The caller re-issues the
 * session it runs in (app/admin/account/actions.ts signs in again with the new password), so only
 * the other ones end for the user.
 */
export async function changeOwnPassword(actor: ActingUser, input: unknown): Promise<void> {
  assertPermitted(actor, "account.change_password");
  const data = parseInput(changeOwnPasswordSchema, input);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
  if (!(await verifyPassword(data.currentPassword, user.passwordHash))) {
    throw new ValidationError({ currentPassword: [messages.administration.users.currentPasswordWrong] });
  }
  const passwordHash = await hashPassword(data.newPassword);
  await db.$transaction(async (tx) => {
    const { revokedTokens } = await replacePassword(tx, actor.id, passwordHash, false);
    await recordAuditEvent(tx, { actorId: actor.id, action: "user.change_own_password", entityType: "User", entityId: actor.id, details: { revokedTokens } });
  });
}
