import "server-only";
import { messages } from "@/lib/i18n";
import { publishedContentSource } from "@/lib/search/sources/published-content";

/** 权责清单: every power on the current public list, as its approved copy reads, with its type's name. */
export const powerSearchSource = publishedContentSource({
  type: "power",
  table: "Power",
  urlPrefix: "/powers",
  extraFields: (content) => [messages.search.powerTypeLabels[String(content.type)] ?? null],
});
