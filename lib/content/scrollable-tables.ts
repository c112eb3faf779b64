/**
 * Tables in published text (an item's body, the annual report's official tables) keep their form
 * on a phone and scroll sideways inside the text (app/globals.css). A region that scrolls must be
 * reachable by keyboard, so each table gets tabindex="0". The HTML is already sanitised: "<table"
 * can only be a tag there (text has its "<" escaped), and the sanitiser drops any tabindex of its own.
 */
export function withScrollableTables(sanitizedHtml: string): string {
  return sanitizedHtml.replace(/<table(?=[\s>])/g, '<table tabindex="0"');
}
