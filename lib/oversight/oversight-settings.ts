import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { db, type DatabaseTransaction } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { defaultStaleAfterDays } from "@/lib/oversight/spot-check-rules";
import { parseInput } from "@/lib/validation";

const m = messages.oversight.settings;

export const defaultMessageReplyWorkingDays = 5;
export const maximumStaleAfterDays = 3660;

export type ColumnLimit = { id: number; name: string; path: string; staleAfterDays: number | null; defaultDays: number | null };
export type OversightSettings = { messageReplyWorkingDays: number; columns: ColumnLimit[] };

export async function loadMessageReplyWorkingDays(tx: DatabaseTransaction | typeof db = db): Promise<number> {
  return (await tx.oversightSetting.findUnique({ where: { id: 1 } }))?.messageReplyWorkingDays ?? defaultMessageReplyWorkingDays;
}

/** The list columns of the catalogue with their parents' names (法定主动公开内容 / 人事信息), in catalogue order. */
async function listColumns(): Promise<ColumnLimit[]> {
  const categories = await db.category.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
  const byId = new Map(categories.map((category) => [category.id, category]));
  const pathOf = (id: number): string => {
    const category = byId.get(id)!;
    return category.parentId && byId.has(category.parentId) ? `${pathOf(category.parentId)} / ${category.name}` : category.name;
  };
  const parents = new Set(categories.map((category) => category.parentId).filter((id) => id !== null));
  return categories
    .filter((category) => category.kind === "list" && !parents.has(category.id))
    .map((category) => ({
      id: category.id,
      name: category.name,
      path: pathOf(category.id),
      staleAfterDays: category.staleAfterDays,
      defaultDays: defaultStaleAfterDays(category.name),
    }))
    .sort((first, second) => first.path.localeCompare(second.path, "zh-CN"));
}

export async function loadOversightSettings(actor: ActingUser): Promise<OversightSettings> {
  assertPermitted(actor, "spot_check.read");
  const [messageReplyWorkingDays, columns] = await Promise.all([loadMessageReplyWorkingDays(), listColumns()]);
  return { messageReplyWorkingDays, columns };
}

const daysField = z.preprocess(
  (value) => (typeof value === "string" ? value.trim() : value),
  z.union([
    z.literal("").transform(() => null),
    z.null(),
    z.coerce
      .number({ error: m.staleAfterDaysInvalid })
      .int(m.staleAfterDaysInvalid)
      .min(0, m.staleAfterDaysInvalid)
      .max(maximumStaleAfterDays, m.staleAfterDaysInvalid),
  ]),
);

export const oversightSettingsSchema = z.object({
  messageReplyWorkingDays: z.coerce
    .number({ error: m.messageReplyWorkingDaysInvalid })
    .int(m.messageReplyWorkingDaysInvalid)
    .min(1, m.messageReplyWorkingDaysInvalid)
    .max(60, m.messageReplyWorkingDaysInvalid),
  /** `c<column id>` → days (empty: the default for its name; 0: never). Columns left out keep theirs. */
  columns: z.record(z.string().regex(/^c\d{1,9}$/), daysField).default({}),
});

/** Saves the promise to answer messages and the columns' age limits, all or nothing. */
export async function updateOversightSettings(actor: ActingUser, input: unknown): Promise<void> {
  assertPermitted(actor, "spot_check.configure");
  const settings = parseInput(oversightSettingsSchema, input);
  await db.$transaction(async (tx) => {
    const ids = Object.keys(settings.columns).map((key) => Number(key.slice(1)));
    const known = new Set((await tx.category.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((row) => row.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw new ValidationError(Object.fromEntries(unknown.map((id) => [`columns.c${id}`, [messages.common.notFound.category]])));
    await tx.oversightSetting.upsert({
      where: { id: 1 },
      create: { id: 1, messageReplyWorkingDays: settings.messageReplyWorkingDays },
      update: { messageReplyWorkingDays: settings.messageReplyWorkingDays },
    });
    for (const [key, days] of Object.entries(settings.columns)) {
      await tx.category.update({ where: { id: Number(key.slice(1)) }, data: { staleAfterDays: days } });
    }
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "spot_check.settings_update",
      entityType: "OversightSetting",
      entityId: 1,
      details: { messageReplyWorkingDays: settings.messageReplyWorkingDays, columns: settings.columns },
    });
  });
}
