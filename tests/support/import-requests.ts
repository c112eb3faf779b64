import assert from "node:assert/strict";
import iconv from "iconv-lite";
import { respondWithJson } from "@/lib/api/respond";

/**
 * The API's answer to an import, as every import route gives it: route handlers run the import
 * through respondWithJson (lib/api/respond.ts), which maps a refused file for all of them. (The
 * route modules themselves need Next's request context for the session and cannot be loaded
 * here; e2e tests post to them.)
 */
export function respondToImport(work: () => Promise<unknown>): Promise<Response> {
  return respondWithJson(work);
}

/** The uniform answer of every import route to a refused file: 422 `{errors: [{row, column, message}]}`. */
export async function assertImportRejected(response: Response): Promise<{ row: number | null; column: string | null; message: string }[]> {
  assert.equal(response.status, 422);
  const body = (await response.json()) as {
    errors: { row: number | null; column: string | null; message: string }[];
    error: { code: string; message: string };
  };
  assert.ok(Array.isArray(body.errors) && body.errors.length > 0, "errors lists the problems");
  for (const problem of body.errors) assert.deepEqual(Object.keys(problem).sort(), ["column", "message", "row"]);
  assert.equal(body.error.code, "import_rejected");
  assert.match(body.error.message, /没有导入任何数据/);
  return body.errors;
}

/** Text as Excel on Chinese Windows saves "CSV (逗号分隔)": GB18030 (GBK), no byte-order mark. */
export function gb18030Csv(rows: readonly (readonly string[])[]): Uint8Array {
  const text = rows.map((row) => row.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(",")).join("\r\n") + "\r\n";
  const bytes = new Uint8Array(iconv.encode(text, "gb18030"));
  // The point of such a file: it is not valid UTF-8, so it must be recognised as GB18030.
  assert.throws(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  return bytes;
}
