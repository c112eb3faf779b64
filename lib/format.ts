const beijingParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function partsOf(value: Date): Record<"year" | "month" | "day" | "hour" | "minute", string> {
  const parts = Object.fromEntries(beijingParts.formatToParts(value).map((part) => [part.type, part.value]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
}

/**
 * The site's one way of writing a date: YYYY-MM-DD, Beijing time, as every official date on the site
 * is (the same form as the dates the registers store and the forms ask for).
 */
export function formatDate(value: Date): string {
  const { year, month, day } = partsOf(value);
  return `${year}-${month}-${day}`;
}

/** A date and time: YYYY-MM-DD HH:mm, Beijing time. */
export function formatDateTime(value: Date): string {
  const { hour, minute } = partsOf(value);
  return `${formatDate(value)} ${hour}:${minute}`;
}
