import { currentTime } from "@/lib/clock";
import type { IsoDate } from "@/lib/deadlines/iso-date";

const beijingDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's calendar day in Beijing, whatever the server's time zone. */
export function todayInBeijing(now = currentTime()): IsoDate {
  return beijingDate.format(now);
}

/** The Beijing calendar day of an instant. */
export function beijingDayOf(instant: Date): IsoDate {
  return beijingDate.format(instant);
}

/** A PostgreSQL DATE column reads back as UTC midnight; this turns it into its calendar day. */
export function dateColumnToIsoDate(value: Date): IsoDate;
export function dateColumnToIsoDate(value: Date | null): IsoDate | null;
export function dateColumnToIsoDate(value: Date | null): IsoDate | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

export function isoDateToDateColumn(value: IsoDate): Date;
export function isoDateToDateColumn(value: IsoDate | null | undefined): Date | null;
export function isoDateToDateColumn(value: IsoDate | null | undefined): Date | null {
  return value ? new Date(`${value}T00:00:00Z`) : null;
}
