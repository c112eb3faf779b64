/**
 * Content a phone visitor opens when needed (the catalogue menu, a list's filters): below 640 px it
 * is folded behind its summary, which says what it holds; from 640 px up it is shown and the summary
 * is not (app/globals.css, details.fold-on-phone). No script: it is a <details> element.
 */
export function FoldOnPhone({ summary, open, children }: { summary: string; open?: boolean; children: React.ReactNode }) {
  return (
    <details className="fold-on-phone" open={open}>
      <summary className="cursor-pointer rounded border border-gray-400 bg-white px-3 py-2 text-sm font-medium select-none">{summary}</summary>
      {children}
    </details>
  );
}
