import "server-only";
import { Parser } from "htmlparser2";
import sanitizeHtml from "sanitize-html";

// The body of a disclosure item is structural HTML only: official documents carry no colours,
// fonts or scripts, and whatever the editor or an import produced is cleaned again here before
// it is stored or shown, because the client-side cleaning can be bypassed.

const linkSchemes = ["http", "https", "mailto"];
const imageSchemes = ["http", "https"];
const allowedTags = [
  "p",
  "br",
  "h2",
  "h3",
  "h4",
  "strong",
  "b",
  "em",
  "i",
  "u",
  "sup",
  "sub",
  "ul",
  "ol",
  "li",
  "a",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "blockquote",
  "hr",
  "img",
];
// The text inside these is code, markup for machines or a fallback, never document content.
const nonTextTags = [
  "script",
  "style",
  "textarea",
  "option",
  "noscript",
  "template",
  "title",
  "head",
  "iframe",
  "object",
  "embed",
  "svg",
  "math",
  "xml",
  "select",
];

function isPositiveSpan(value: string | undefined): value is string {
  return value !== undefined && /^[1-9]\d{0,2}$/.test(value.trim());
}

function keepCellSpans(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const kept: sanitizeHtml.Attributes = {};
  if (isPositiveSpan(attribs.colspan) && attribs.colspan.trim() !== "1") kept.colspan = attribs.colspan.trim();
  if (isPositiveSpan(attribs.rowspan) && attribs.rowspan.trim() !== "1") kept.rowspan = attribs.rowspan.trim();
  return { tagName, attribs: kept };
}

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: {
    a: ["href", "title", "target", "rel"],
    img: ["src", "alt"],
    td: ["colspan", "rowspan"],
    th: ["colspan", "rowspan"],
  },
  allowedSchemes: linkSchemes,
  allowedSchemesByTag: { a: linkSchemes, img: imageSchemes },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  // "//host/path" borrows the page's scheme; absolute links must say http(s) explicitly.
  allowProtocolRelative: false,
  allowVulnerableTags: false,
  disallowedTagsMode: "discard",
  nonTextTags,
  parseStyleAttributes: false,
  transformTags: {
    // Level 1 is the item's title, shown outside the body; 5 and 6 are deeper than documents go.
    h1: "h2",
    h5: "h4",
    h6: "h4",
    td: keepCellSpans,
    th: keepCellSpans,
    a: (tagName, attribs) => {
      const kept: sanitizeHtml.Attributes = {};
      if (attribs.href !== undefined) kept.href = attribs.href;
      if (attribs.title) kept.title = attribs.title;
      if (attribs.target) {
        // A page opened from a link must not reach back into ours through window.opener.
        kept.target = attribs.target === "_self" ? "_self" : "_blank";
        kept.rel = "noopener noreferrer";
      }
      return { tagName, attribs: kept };
    },
  },
  exclusiveFilter: (frame) => {
    // An image whose src was removed (data:, javascript:, file:) is an empty box: drop it.
    if (frame.tag === "img") return !frame.attribs.src;
    // A link whose href was removed keeps its text but loses the tag.
    if (frame.tag === "a" && !frame.attribs.href) return "excludeTag";
    return false;
  },
};

/** Cleans the HTML body of a disclosure item to the structural subset the site shows. */
export function sanitizeItemBody(html: string): string {
  return sanitizeHtml(html, sanitizeOptions).trim();
}

// Elements that start and end a line of text.
const blockTags = new Set([
  "p",
  "div",
  "section",
  "article",
  "header",
  "footer",
  "aside",
  "nav",
  "main",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "caption",
  "blockquote",
  "pre",
  "hr",
  "address",
  "figure",
  "figcaption",
  "form",
  "fieldset",
]);
const cellTags = new Set(["td", "th"]);
const skippedTags = new Set(nonTextTags);

/**
 * The text of an HTML fragment for screening and search: one line per paragraph, heading,
 * list item or table row, table cells separated by a tab, entities decoded, HTML whitespace
 * collapsed and no markup left. Image descriptions (alt) count as text.
 */
export function htmlToPlainText(html: string): string {
  let output = "";
  let skipDepth = 0;
  // Inside a cell, paragraphs become spaces so that each table row stays one line.
  let cellDepth = 0;
  let cellsInRow = 0;
  const breakLine = () => {
    output += cellDepth > 0 ? " " : "\n";
  };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (skippedTags.has(name)) {
          skipDepth++;
          return;
        }
        if (skipDepth > 0) return;
        if (cellTags.has(name)) {
          if (cellDepth === 0) {
            if (cellsInRow > 0) output += "\t";
            cellsInRow++;
          } else {
            output += " ";
          }
          cellDepth++;
        } else if (name === "tr" && cellDepth === 0) {
          cellsInRow = 0;
          breakLine();
        } else if (blockTags.has(name) || name === "br") {
          breakLine();
        } else if (name === "img" && attribs.alt) {
          output += ` ${attribs.alt} `;
        }
      },
      ontext(text) {
        if (skipDepth > 0) return;
        output += text.replace(/[ \t\n\r\f]+/g, " ");
      },
      onclosetag(name) {
        if (skippedTags.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (cellTags.has(name)) cellDepth = Math.max(0, cellDepth - 1);
        else if (blockTags.has(name)) breakLine();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return output
    .replace(/\u00a0/g, " ")
    .split("\n")
    .map((line) =>
      line
        .split("\t")
        .map((cell) => cell.replace(/ {2,}/g, " ").trim())
        .join("\t"),
    )
    .filter((line) => line.replace(/\t/g, "") !== "")
    .join("\n");
}
