import mammoth from "mammoth";
import { getDocumentProxy } from "unpdf";
import type { AttachmentKind } from "./file-types";
import { assertZipWithinLimits } from "./zip-limits";

/**
 * Enough for any real report or decision letter; the cap keeps a giant scanned-and-OCRed PDF
 * from filling the database row and the personal-data screening pass.
 */
export const maximumExtractedTextLength = 200_000;

/**
 * The plain text of a PDF or .docx attachment, used to screen it for personal data before
 * publication and to index it for search. Other kinds (images, legacy .doc/.xls, .xlsx) give "".
 * Never throws: an unreadable file gives "" and the upload still succeeds, because a corrupt or
 * unusual file is the uploader's problem to see, not a reason to lose the upload.
 */
export async function extractAttachmentText(bytes: Uint8Array, kind: AttachmentKind): Promise<string> {
  try {
    if (kind === "pdf") return await extractPdfText(bytes);
    if (kind === "docx") return await extractDocxText(bytes);
    return "";
  } catch {
    return "";
  }
}

async function extractPdfText(bytes: Uint8Array): Promise<string> {
  // pdf.js detaches the buffer it is given, and refuses a Node Buffer (which is what
  // readAttachmentFile returns). A plain Uint8Array copy fixes both; note that `Buffer#slice`
  // would be a view, not a copy.
  const document = await getDocumentProxy(new Uint8Array(bytes), {
    // Untrusted input: never compile font programs into JavaScript functions.
    isEvalSupported: false,
    // Corrupt files make pdf.js warn on the console; the empty result says enough.
    verbosity: 0,
  });
  try {
    const pages: string[] = [];
    let length = 0;
    // Page by page, stopping at the cap, so a thousand-page PDF is not read to the end for nothing.
    for (let pageNumber = 1; pageNumber <= document.numPages && length < maximumExtractedTextLength; pageNumber++) {
      const page = await document.getPage(pageNumber);
      const content = await page.getTextContent();
      const pageText = content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join("");
      pages.push(pageText);
      length += pageText.length + 1;
      page.cleanup();
    }
    return capText(normalizeWhitespace(pages.join("\n")));
  } finally {
    await document.destroy();
  }
}

async function extractDocxText(bytes: Uint8Array): Promise<string> {
  // mammoth inflates the document in memory. Uploads were checked when stored; a file that got in
  // another way (an older upload) is checked again, and one beyond the limits gives "".
  await assertZipWithinLimits(bytes, undefined);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const result = await mammoth.extractRawText({ buffer });
  return capText(normalizeWhitespace(result.value));
}

function normalizeWhitespace(text: string): string {
  return text
    .replace(/[^\S\n]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function capText(text: string): string {
  if (text.length <= maximumExtractedTextLength) return text;
  const capped = text.slice(0, maximumExtractedTextLength);
  // Do not leave half of a surrogate pair (a rare CJK extension character or emoji) at the end.
  return /[\uD800-\uDBFF]$/.test(capped) ? capped.slice(0, -1) : capped;
}
