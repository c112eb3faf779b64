/**
 * The shape of the authorization matrix (tests/security/authorization-matrix.ts). Only types and
 * small pure helpers live here, so that the documentation script can read the matrix without a
 * database.
 */
import type { ActingUser } from "@/lib/auth/acting-user";
import type { MatrixFixtures } from "./matrix-fixtures";

/** The six people the matrix asks about, in the order of the table's columns. */
export const actors = ["anonymous", "otherSection", "staff", "head", "leader", "admin"] as const;
export type Actor = (typeof actors)[number];

export const actorTitles: Record<Actor, string> = {
  anonymous: "anonymous",
  otherSection: "staff, other section",
  staff: "staff",
  head: "section head",
  leader: "leader",
  admin: "admin",
};

export type Expectation = Record<Actor, number>;

/** A route handler call: path parameters, query, and a JSON or multipart body. */
export type RouteCall = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  json?: unknown;
  multipart?: FormData;
  /** Act as this account (one with the actor's role and section) instead of the actor's usual one. */
  as?: ActingUser;
};

/** A server action call: its arguments as a browser would send them (bound ones first). */
export type ActionCall = { args: unknown[]; as?: ActingUser };

type RowBase = {
  /** When the answer depends on the record or the step, which one this row asks about. */
  case?: string;
  expect: Expectation;
  /** Why a cell says what it says, where that is not obvious from the role alone. */
  note?: string;
};

/** `METHOD /path` with the route file's own segments, e.g. `PATCH /api/v1/admin/items/[id]`. */
export type RouteRow = RowBase & { route: string; request: (fx: MatrixFixtures, actor: Actor) => Promise<RouteCall> };

/** `app/…/actions.ts#exportName`. */
export type ActionRow = RowBase & { action: string; request: (fx: MatrixFixtures, actor: Actor) => Promise<ActionCall> };

export type MatrixRow = RouteRow | ActionRow;

export const targetOf = (row: MatrixRow): string => ("route" in row ? row.route : row.action);

let sequence = 0;
/** A number no other fixture uses (titles, codes, usernames). */
export const nextNumber = () => ++sequence;

/** The expected statuses in column order: anonymous, other section's staff, staff, head, leader, admin. */
export function expect(anonymous: number, otherSection: number, staff: number, head: number, leader: number, admin: number): Expectation {
  return { anonymous, otherSection, staff, head, leader, admin };
}

/** A FormData with the given fields (arrays become repeated fields; null and undefined are left out). */
export function form(fields: Record<string, unknown> = {}): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const entry of Array.isArray(value) ? value : [value]) {
      if (entry === undefined || entry === null) continue;
      data.append(key, entry instanceof Blob ? entry : String(entry));
    }
  }
  return data;
}

/** The arguments of a `useActionState` action: the bound ones, the previous state, the form. */
export function formAction(bound: unknown[], fields: Record<string, unknown> = {}): ActionCall {
  return { args: [...bound, { status: "idle" }, form(fields)] };
}
