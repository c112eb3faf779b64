import { foldWithOffsets } from "@/lib/search/text/normalize";

/** A piece of text; `hit` pieces are what matched the query (shown highlighted). */
export type TextSegment = { text: string; hit: boolean };

type Range = { start: number; end: number };

/** Where the folded phrases occur in `text`, as ranges of the original text, merged and in order. */
export function findMatches(text: string, phrases: string[]): Range[] {
  if (!text || !phrases.length) return [];
  const { folded, origins } = foldWithOffsets(text);
  const ranges: Range[] = [];
  for (const phrase of phrases) {
    if (!phrase) continue;
    for (let at = folded.indexOf(phrase); at !== -1; at = folded.indexOf(phrase, at + phrase.length)) {
      const lastFolded = at + phrase.length - 1;
      const start = origins[at];
      // End after the original character the last folded character came from.
      const lastOrigin = origins[lastFolded];
      const codePoint = text.codePointAt(lastOrigin) ?? 0;
      ranges.push({ start, end: lastOrigin + (codePoint > 0xffff ? 2 : 1) });
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const range of ranges) {
    const previous = merged.at(-1);
    if (previous && range.start <= previous.end) previous.end = Math.max(previous.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** `text` cut into plain and highlighted segments. */
export function highlight(text: string, phrases: string[]): TextSegment[] {
  return segmentsOf(text, findMatches(text, phrases), 0, text.length);
}

function segmentsOf(text: string, matches: Range[], from: number, to: number): TextSegment[] {
  const segments: TextSegment[] = [];
  let position = from;
  for (const match of matches) {
    if (match.end <= from || match.start >= to) continue;
    const start = Math.max(match.start, from);
    const end = Math.min(match.end, to);
    if (start > position) segments.push({ text: text.slice(position, start), hit: false });
    segments.push({ text: text.slice(start, end), hit: true });
    position = end;
  }
  if (position < to) segments.push({ text: text.slice(position, to), hit: false });
  return segments;
}

/** Longest part of a text a snippet is looked for in (a hit's text may be 200,000 characters of attachments). */
export const SNIPPET_SCAN_LENGTH = 4_000;

/**
 * The part of a long text a snippet is looked for in: SNIPPET_SCAN_LENGTH characters from a little
 * before the first place a phrase occurs as written (most texts are already in the folded form:
 * simplified, half-width), else from the beginning. Folding every character of twenty long texts
 * per search would cost more than the search itself.
 */
function snippetRegion(text: string, phrases: string[]): { region: string; cutBefore: boolean; cutAfter: boolean } {
  if (text.length <= SNIPPET_SCAN_LENGTH) return { region: text, cutBefore: false, cutAfter: false };
  let anchor = -1;
  for (const phrase of phrases) {
    const at = phrase ? text.indexOf(phrase) : -1;
    if (at >= 0 && (anchor < 0 || at < anchor)) anchor = at;
  }
  let from = anchor < 0 ? 0 : Math.max(0, Math.min(anchor - SNIPPET_SCAN_LENGTH / 4, text.length - SNIPPET_SCAN_LENGTH));
  if (from > 0 && /[\udc00-\udfff]/.test(text[from])) from -= 1;
  let to = Math.min(text.length, from + SNIPPET_SCAN_LENGTH);
  if (to < text.length && /[\udc00-\udfff]/.test(text[to])) to += 1;
  return { region: text.slice(from, to), cutBefore: from > 0, cutAfter: to < text.length };
}

/**
 * A short passage of `text` around the matches, with the matches highlighted: the window of about
 * `length` characters that holds the most distinct phrases, starting a little before the first.
 * Without any match, the beginning of the text. In a long text only a part is looked at (see
 * snippetRegion).
 */
export function makeSnippet(text: string, phrases: string[], length = 120): TextSegment[] {
  const { region, cutBefore, cutAfter } = snippetRegion(text, phrases);
  const clean = region.replace(/\s+/g, " ").trim();
  if (!clean) return [];
  const matches = findMatches(clean, phrases);
  if (!matches.length) {
    const end = Math.min(clean.length, length);
    return [{ text: (cutBefore ? "…" : "") + clean.slice(0, end) + (end < clean.length || cutAfter ? "…" : ""), hit: false }];
  }
  // The window start (a match start) that covers the most matched characters.
  let best = matches[0];
  let bestScore = -1;
  for (const candidate of matches) {
    const covered = new Set<string>();
    for (const match of matches) {
      if (match.start >= candidate.start && match.end <= candidate.start + length) covered.add(clean.slice(match.start, match.end));
    }
    if (covered.size > bestScore) {
      bestScore = covered.size;
      best = candidate;
    }
  }
  const lead = Math.min(20, Math.floor(length / 5));
  let from = Math.max(0, best.start - lead);
  // Do not cut a surrogate pair in two.
  if (from > 0 && /[\udc00-\udfff]/.test(clean[from])) from -= 1;
  let to = Math.min(clean.length, from + length);
  if (to < clean.length && /[\udc00-\udfff]/.test(clean[to])) to += 1;
  const segments = segmentsOf(clean, matches, from, to);
  if (from > 0 || cutBefore) segments.unshift({ text: "…", hit: false });
  if (to < clean.length || cutAfter) segments.push({ text: "…", hit: false });
  return mergeAdjacent(segments);
}

function mergeAdjacent(segments: TextSegment[]): TextSegment[] {
  const merged: TextSegment[] = [];
  for (const segment of segments) {
    const previous = merged.at(-1);
    if (previous && previous.hit === segment.hit) previous.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Segments as an HTML fragment: text escaped, matches wrapped in <mark>. */
export function segmentsToHtml(segments: TextSegment[]): string {
  return segments
    .map((segment) => {
      const escaped = segment.text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
      return segment.hit ? `<mark>${escaped}</mark>` : escaped;
    })
    .join("");
}
