import type { PowerStatus, PowerType } from "@/lib/generated/prisma/enums";

/** One entry of the power list as the public sees it; also the shape frozen in a yearly version. */
export type PowerEntry = {
  code: string;
  name: string;
  type: PowerType;
  legalBasis: string[];
  sectionName: string;
  responsibilities: string;
  accountability: string;
  status: PowerStatus;
  statusNote: string | null;
  effectiveOn: string;
};

export const powerTypes: readonly PowerType[] = [
  "license",
  "penalty",
  "coercion",
  "levy",
  "benefit",
  "inspection",
  "confirmation",
  "reward",
  "adjudication",
  "other",
];
export const powerStatuses: readonly PowerStatus[] = ["retained", "cancelled", "adjusted", "delegated"];
/**
 * The statuses of powers the office still exercises: the current list shows only these; a cancelled
 * power, or one delegated to another body, shows in the yearly lists and in what changed between them.
 */
export const powerStatusesInForce: readonly PowerStatus[] = ["retained", "adjusted"];

export function isPowerType(value: unknown): value is PowerType {
  return typeof value === "string" && (powerTypes as readonly string[]).includes(value);
}

export function isPowerStatus(value: unknown): value is PowerStatus {
  return typeof value === "string" && (powerStatuses as readonly string[]).includes(value);
}

/** Codes sort as people read them: XK-2 before XK-10. */
export function comparePowerCodes(a: string, b: string): number {
  return a.localeCompare(b, "zh-CN", { numeric: true });
}

/** The list order: by power type as the official list groups them, then by code. */
export function sortPowerEntries<Entry extends Pick<PowerEntry, "type" | "code">>(entries: readonly Entry[]): Entry[] {
  return [...entries].sort((a, b) => powerTypes.indexOf(a.type) - powerTypes.indexOf(b.type) || comparePowerCodes(a.code, b.code));
}

export type PowerEntryFilter = { type?: PowerType; status?: PowerStatus; q?: string };

/** Filters a list in memory: lists are a few hundred entries at most. */
export function filterPowerEntries<Entry extends PowerEntry>(entries: readonly Entry[], filter: PowerEntryFilter): Entry[] {
  const query = filter.q?.trim().toLowerCase();
  return entries.filter(
    (entry) =>
      (!filter.type || entry.type === filter.type) &&
      (!filter.status || entry.status === filter.status) &&
      (!query || entry.name.toLowerCase().includes(query) || entry.code.toLowerCase().includes(query)),
  );
}
