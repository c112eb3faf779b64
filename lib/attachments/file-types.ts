// `file-type/core` rather than `file-type`: the package root resolves to a Node-only entry
// (node:fs, node:stream) under the "node" condition; the core works from a buffer anywhere.
import { fileTypeFromBuffer } from "file-type/core";
import { messages } from "@/lib/i18n";
import { readDeclaredExtension } from "./original-name";

export type AttachmentKind = "pdf" | "docx" | "doc" | "xlsx" | "xls" | "image";

export type AttachmentType = {
  kind: AttachmentKind;
  mimeType: string;
  /** Lower-case, without the dot; taken from the content, never from the uploaded name. */
  extension: string;
};

/** Shown to the uploader when `detectAttachmentType` refuses a file. */
export const allowedAttachmentTypesMessage = messages.common.attachments.allowedTypes;

// Keyed by what file-type reports. Anything it reports that is not listed here (exe, zip,
// html, docm, pptx, svg…) is refused, so this table is the whole allow-list for types with a
// signature of their own.
const typesByDetectedExtension: Record<string, AttachmentType> = {
  pdf: { kind: "pdf", mimeType: "application/pdf", extension: "pdf" },
  docx: {
    kind: "docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extension: "docx",
  },
  xlsx: {
    kind: "xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extension: "xlsx",
  },
  jpg: { kind: "image", mimeType: "image/jpeg", extension: "jpg" },
  png: { kind: "image", mimeType: "image/png", extension: "png" },
  // An animated PNG is still a PNG to every browser and viewer.
  apng: { kind: "image", mimeType: "image/png", extension: "png" },
  gif: { kind: "image", mimeType: "image/gif", extension: "gif" },
  webp: { kind: "image", mimeType: "image/webp", extension: "webp" },
};

const legacyOfficeTypes = {
  doc: { kind: "doc", mimeType: "application/msword", extension: "doc" },
  xls: { kind: "xls", mimeType: "application/vnd.ms-excel", extension: "xls" },
} satisfies Record<string, AttachmentType>;

/**
 * What an uploaded file really is, judged from its bytes; null when it is not a type we accept.
 * The name and the browser's MIME type are attacker-controlled, so the name is consulted only
 * where the content cannot decide: an OLE2 compound file (.doc, .xls, but also .ppt, .msi)
 * carries no type signature in its header.
 */
export async function detectAttachmentType(bytes: Uint8Array, originalName: string): Promise<AttachmentType | null> {
  const detected = await detectFromContent(bytes);
  if (!detected) return null;
  if (detected === "cfb") return detectLegacyOfficeType(bytes, readDeclaredExtension(originalName));
  return typesByDetectedExtension[detected] ?? null;
}

async function detectFromContent(bytes: Uint8Array): Promise<string | undefined> {
  try {
    // For ZIP files this reads the central directory and [Content_Types].xml, so a .docx and
    // an .xlsx are told apart by what the package declares, not by the name.
    return (await fileTypeFromBuffer(bytes))?.ext;
  } catch {
    // A malformed file can trip the parser; it is then certainly not an allowed type.
    return undefined;
  }
}

// Every Word 97–2003 document has a "WordDocument" stream, every Excel 97–2003 workbook a
// "Workbook" stream ("Book" in Excel 5/95). Stream names sit in the compound file's directory
// as UTF-16LE; finding the one the extension promises keeps a renamed .ppt or .msi out.
const requiredStreamNames: Record<keyof typeof legacyOfficeTypes, string[]> = {
  doc: ["WordDocument"],
  xls: ["Workbook", "Book"],
};

function detectLegacyOfficeType(bytes: Uint8Array, declaredExtension: string): AttachmentType | null {
  if (declaredExtension !== "doc" && declaredExtension !== "xls") return null;
  const hasExpectedStream = requiredStreamNames[declaredExtension].some((name) => containsBytes(bytes, encodeDirectoryEntryName(name)));
  return hasExpectedStream ? legacyOfficeTypes[declaredExtension] : null;
}

function encodeDirectoryEntryName(name: string): Buffer {
  // UTF-16LE plus the terminating NUL, so "Book" does not match inside an unrelated name.
  return Buffer.from(`${name}\0`, "utf16le");
}

function containsBytes(haystack: Uint8Array, needle: Buffer): boolean {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).includes(needle);
}
