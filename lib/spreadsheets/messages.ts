import { messages } from "@/lib/i18n";

/** The spreadsheet helpers' user-facing messages (kept with the other strings in lib/i18n). */
export const spreadsheetMessages = { ...messages.registers.spreadsheets, undecodable: messages.imports.undecodable };
