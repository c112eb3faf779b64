import "server-only";
import { decisionSearchSource } from "@/lib/search/sources/decision";
import { itemSearchSource } from "@/lib/search/sources/item";
import { powerSearchSource } from "@/lib/search/sources/power";
import { proposalReplySearchSource } from "@/lib/search/sources/proposal-reply";
import { serviceSearchSource } from "@/lib/search/sources/service";
import type { SearchSource } from "@/lib/search/sources/types";

/**
 * Every source of search documents. To make another kind of record searchable, add
 * lib/search/sources/<type>.ts implementing SearchSource (see item.ts) and list it here; the type
 * must be one of SEARCH_DOCUMENT_TYPES (lib/search/types.ts), whose label is in
 * lib/i18n/zh-CN/search.ts.
 */
export const searchSources: SearchSource[] = [itemSearchSource, powerSearchSource, serviceSearchSource, decisionSearchSource, proposalReplySearchSource];
