/**
 * The searchable text of a published JSON copy (power entries, service guides): every string in
 * it, in order, except machine codes (lower-case identifiers such as enum values) and dates.
 */
export function textsOfJson(value: unknown, skipKeys: ReadonlySet<string> = new Set()): string[] {
  if (typeof value === "string") return /^[a-z_]+$/.test(value) || /^\d{4}-\d{2}-\d{2}/.test(value) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((entry) => textsOfJson(entry, skipKeys));
  if (value && typeof value === "object") {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, entry]) => (skipKeys.has(key) ? [] : textsOfJson(entry, skipKeys)));
  }
  return [];
}
