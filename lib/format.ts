const dateTimeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false,
});
const dateFormat = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

/** Beijing time, as every official date on the site is. */
export function formatDateTime(value: Date): string {
  return dateTimeFormat.format(value);
}

export function formatDate(value: Date): string {
  return dateFormat.format(value).replaceAll("/", "-");
}
