/**
 * Calendar days as plain `YYYY-MM-DD` strings.
 *
 * A deadline is a calendar day in China, not an instant: representing it as a `Date` invites
 * off-by-one errors whenever the server, the database or the browser sit in another time zone.
 * All arithmetic below goes through UTC so the host's time zone never matters.
 */
export type IsoDate = string;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const millisecondsPerDay = 24 * 60 * 60 * 1000;

export function isIsoDate(value: string): boolean {
  const parts = isoDatePattern.exec(value);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC silently rolls 2024-02-30 over to March; a round trip catches that.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function assertIsoDate(value: string): void {
  if (!isIsoDate(value)) throw new RangeError(`Not a calendar day in YYYY-MM-DD form: ${JSON.stringify(value)}`);
}

function toUtcMilliseconds(date: IsoDate): number {
  assertIsoDate(date);
  return Date.parse(`${date}T00:00:00Z`);
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return new Date(toUtcMilliseconds(date) + days * millisecondsPerDay).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as `Date#getDay`. */
export function getDayOfWeek(date: IsoDate): number {
  return new Date(toUtcMilliseconds(date)).getUTCDay();
}
