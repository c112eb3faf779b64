/**
 * Calendar days as people type them in spreadsheets: 2017-03-15, 2017/3/15, 2017.3.15,
 * 2017年3月15日, 20170315, or an Excel date (read as 2017-03-15). Returns YYYY-MM-DD, or null
 * when the text is not a real calendar day.
 */
export function parseSpreadsheetDate(text: string): string | null {
  const value = text.trim();
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]00:00(?::00)?)?$/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${match[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
