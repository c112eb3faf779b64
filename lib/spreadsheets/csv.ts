/**
 * CSV as spreadsheet programs write it (RFC 4180: comma-separated, fields with commas, quotes or
 * line breaks quoted, quotes doubled), read from UTF-8 with or without a byte-order mark. Files
 * that are not valid UTF-8 are read as GB18030, the encoding Excel on Chinese Windows uses for
 * "CSV (逗号分隔)", so such a file imports instead of turning into mojibake.
 */

export type CsvEncoding = "utf-8" | "gb18030";

const byteOrderMark = "\uFEFF";

/** Thrown when the bytes of a CSV file are neither UTF-8 nor GB18030. */
export class CsvEncodingError extends Error {
  constructor() {
    super("The CSV file is neither UTF-8 nor GB18030");
    this.name = "CsvEncodingError";
  }
}

/**
 * Decodes the bytes of a CSV file; the BOM, if any, is dropped. `encoding` chooses the decoder;
 * by default UTF-8 is tried first (a Chinese text in GB18030 is practically never valid UTF-8)
 * and then GB18030 (a superset of GBK and GB2312). Throws CsvEncodingError when the chosen
 * decoder, or both, find bytes they cannot decode: a wrong guess must not import mojibake.
 */
export function decodeCsvBytes(bytes: Uint8Array, encoding?: CsvEncoding): { text: string; encoding: CsvEncoding } {
  for (const candidate of encoding ? [encoding] : (["utf-8", "gb18030"] as const)) {
    try {
      const text = new TextDecoder(candidate, { fatal: true, ignoreBOM: true }).decode(bytes);
      return { text: text.startsWith(byteOrderMark) ? text.slice(1) : text, encoding: candidate };
    } catch {
      // Not this encoding: try the next one.
    }
  }
  throw new CsvEncodingError();
}

/** Splits CSV text into rows of fields. Accepts \r\n, \n and \r line ends; a final line end is optional. */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith(byteOrderMark) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let fieldStarted = false;
  const endField = () => {
    row.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let index = 0; index < source.length; index++) {
    const character = source[index];
    if (quoted) {
      if (character === '"') {
        if (source[index + 1] === '"') {
          field += '"';
          index++;
        } else {
          quoted = false;
        }
      } else {
        field += character;
      }
      continue;
    }
    if (character === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (character === ",") {
      endField();
    } else if (character === "\r" || character === "\n") {
      if (character === "\r" && source[index + 1] === "\n") index++;
      endRow();
    } else {
      // A quote inside an unquoted field is kept as it is, as spreadsheet programs do.
      field += character;
      fieldStarted = true;
    }
  }
  if (fieldStarted || field !== "" || row.length > 0) endRow();
  return rows;
}

export type CsvCell = string | number | boolean | null | undefined;

// A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection):
// =1+1, +1+1, -1+1, @SUM(…), and a leading tab or carriage return that the program skips.
const formulaTriggers = /^[=+\-@\t\r]/;
// …except a plain number such as -12.5 or +3: the program reads it as that number, which runs
// nothing, and an apostrophe would turn a refund of -300 into text that no longer adds up.
const plainNumber = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Makes a cell safe to open in a spreadsheet program (OWASP "CSV injection"): text that would
 * start a formula gets a leading apostrophe, which spreadsheet programs show as text and the
 * readers here remove again (`restoreNeutralisedFormula`). Plain numbers (-12.5) stay as they are.
 */
export function neutraliseFormula(value: string): string {
  return formulaTriggers.test(value) && !plainNumber.test(value) ? `'${value}` : value;
}

export function restoreNeutralisedFormula(value: string): string {
  return value.length > 1 && value[0] === "'" && formulaTriggers.test(value.slice(1)) ? value.slice(1) : value;
}

function formatCsvField(cell: CsvCell, neutralise: boolean): string {
  if (cell === null || cell === undefined) return "";
  let text = String(cell);
  if (neutralise && typeof cell === "string") text = neutraliseFormula(text);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes rows as CSV with \r\n line ends. With `bom` (the default) the text starts with a
 * byte-order mark so that Excel opens it as UTF-8; `neutraliseFormulas` (default) guards against
 * CSV injection (see `neutraliseFormula`).
 */
export function formatCsv(rows: readonly (readonly CsvCell[])[], options: { bom?: boolean; neutraliseFormulas?: boolean } = {}): string {
  const neutralise = options.neutraliseFormulas ?? true;
  const body = rows.map((row) => row.map((cell) => formatCsvField(cell, neutralise)).join(",")).join("\r\n");
  return `${(options.bom ?? true) ? byteOrderMark : ""}${body}\r\n`;
}
