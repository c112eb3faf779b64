const contextRadius = 15;

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The match with about 15 characters each side, never cutting a surrogate pair in half. */
export function extractContext(text: string, start: number, end: number): string {
  let from = Math.max(0, start - contextRadius);
  let to = Math.min(text.length, end + contextRadius);
  if (from > 0 && isLowSurrogate(text, from)) from--;
  if (to < text.length && isLowSurrogate(text, to)) to++;
  return text.slice(from, to);
}
