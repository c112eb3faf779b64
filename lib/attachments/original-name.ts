import { messages } from "@/lib/i18n";
/**
 * The name a file had on the uploader's machine, made safe to store and to show. It is only
 * ever metadata (a database column, a download header): stored files are named by a random id.
 */

// Windows and most filesystems stop at 255; longer names only come from crafted requests.
const maximumNameLength = 255;

// Control characters break headers and logs; format characters (bidirectional overrides,
// zero-width spaces) can disguise a name: "report<U+202E>fdp.exe" displays as "reportexe.pdf".
const invisibleCharacters = /[\p{Cc}\p{Cf}]/gu;

export function sanitizeOriginalName(originalName: string, fallback: string = messages.common.attachments.defaultName): string {
  // Browsers send a bare name, but old IE and some clients send the full Windows or POSIX path.
  const lastSegment = originalName.normalize("NFC").split(/[\\/]/).pop() ?? "";
  const cleaned = lastSegment
    .replace(invisibleCharacters, "")
    .trim()
    // Windows drops trailing dots and spaces, so "a.pdf. " would save as "a.pdf" anyway.
    .replace(/[. ]+$/u, "");
  if (cleaned === "") return fallback;
  return truncateKeepingExtension(cleaned, maximumNameLength);
}

/** The extension after the last dot, lower-cased and without the dot ("" when there is none). */
export function readDeclaredExtension(originalName: string): string {
  const lastSegment = originalName.split(/[\\/]/).pop() ?? "";
  const dot = lastSegment.lastIndexOf(".");
  return dot > 0
    ? lastSegment
        .slice(dot + 1)
        .trim()
        .toLowerCase()
    : "";
}

function truncateKeepingExtension(name: string, maximumLength: number): string {
  // Count code points, not UTF-16 units, so a Chinese character is never cut in half.
  const characters = [...name];
  if (characters.length <= maximumLength) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? [...name.slice(dot)] : [];
  if (extension.length >= maximumLength / 2) return characters.slice(0, maximumLength).join("");
  const stem = [...name.slice(0, dot > 0 ? dot : name.length)];
  return stem.slice(0, maximumLength - extension.length).join("") + extension.join("");
}
