import { loadActingUser, type ActingUser } from "@/lib/auth/acting-user";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { demoAgency } from "@/prisma/seed/agency";

let sequence = 0;

// bcrypt is slow on purpose; test users with the same password share one hash (one per process).
const hashes = new Map<string, Promise<string>>();
function hashOnce(password: string): Promise<string> {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
}

/** The default agency's id, inserting the demo agency as it when the database has none yet. */
export async function defaultAgencyId(): Promise<number> {
  const existing = await db.agency.findFirst({ where: { isDefault: true }, select: { id: true } });
  if (existing) return existing.id;
  return (await db.agency.upsert({ where: { code: demoAgency.code }, create: { ...demoAgency, isDefault: true }, update: {}, select: { id: true } })).id;
}

/** Inserts a section (of the default agency unless told) and returns its id. */
export async function insertSection(name = `测试科室${++sequence}`, agencyId?: number): Promise<number> {
  return (await db.section.create({ data: { name, agencyId: agencyId ?? (await defaultAgencyId()) } })).id;
}

/** Inserts a user directly (test setup, not the code under test) and returns it as an acting user. */
export async function insertUser(role: Role, options: { sectionId?: number; password?: string; username?: string } = {}): Promise<ActingUser> {
  const sectionId = options.sectionId ?? (await insertSection());
  const user = await db.user.create({
    data: {
      username: options.username ?? `${role}-t${++sequence}`,
      displayName: `测试${role}${sequence}`,
      role,
      sectionId,
      passwordHash: await hashOnce(options.password ?? "correct-password"),
    },
  });
  return (await loadActingUser(user.id))!;
}
