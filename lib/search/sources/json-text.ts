import { searchMessages } from "@/lib/i18n/zh-CN/search";

const fileTypeByMimeType: Record<string, keyof typeof searchMessages.fileTypes> = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/msword": "doc",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.ms-excel": "xls",
};

/** A MIME type as a visitor names the file: "Word 文档", "PDF 文档", "图片"… */
export function humanFileType(mimeType: string): string {
  const kind = fileTypeByMimeType[mimeType] ?? (mimeType.startsWith("image/") ? "image" : "other");
  return searchMessages.fileTypes[kind];
}

const mimeTypePattern = /^(application|image|text|audio|video)\/[\w.+-]+$/;

/**
 * The searchable text of a published JSON copy (power entries, service guides): every string in
 * it, in order, except machine codes (lower-case identifiers such as enum values) and dates.
 */
export function textsOfJson(value: unknown, skipKeys: ReadonlySet<string> = new Set()): string[] {
  if (typeof value === "string" && mimeTypePattern.test(value)) return [humanFileType(value)];
  if (typeof value === "string") return /^[a-z_]+$/.test(value) || /^\d{4}-\d{2}-\d{2}/.test(value) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((entry) => textsOfJson(entry, skipKeys));
  if (value && typeof value === "object") {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, entry]) => (skipKeys.has(key) ? [] : textsOfJson(entry, skipKeys)));
  }
  return [];
}
