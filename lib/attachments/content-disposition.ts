import { readDeclaredExtension, sanitizeOriginalName } from "./original-name";

/**
 * A Content-Disposition value that downloads the file under its original (often Chinese) name:
 * `filename*` (RFC 5987, UTF-8) for every current browser, and a plain-ASCII `filename` for
 * clients that ignore `filename*` (RFC 6266 §4.3 says to send both, in this order).
 */
export function contentDispositionFor(originalName: string): string {
  // Sanitising again here is what keeps CR/LF and quotes from ever reaching a response header,
  // whatever the caller passes.
  const name = sanitizeOriginalName(originalName);
  return `attachment; filename="${asciiFallbackName(name)}"; filename*=UTF-8''${encodeExtendedValue(name)}`;
}

function asciiFallbackName(name: string): string {
  // Each run of non-ASCII characters becomes one "_", and the quoted-string specials
  // (`"` and `\`) are replaced: "2017年政府信息公开工作年度报告.pdf" → "2017_.pdf".
  const fallback = name.replace(/[^\x20-\x7E]+/g, "_").replace(/["\\]/g, "_");
  if (/[A-Za-z0-9]/.test(fallback.replace(/\.[^.]*$/, ""))) return fallback;
  // Nothing readable left of the name (an all-Chinese one): a generic name with the extension.
  const extension = readDeclaredExtension(name).replace(/[^a-z0-9]/g, "");
  return extension ? `attachment.${extension}` : "attachment";
}

// RFC 5987 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~".
// encodeURIComponent leaves ' ( ) * unescaped, which attr-char does not allow.
function encodeExtendedValue(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}
