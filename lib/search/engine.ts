import "server-only";
import { postgresSearchEngine } from "@/lib/search/postgres-engine";
import type { SearchEngine } from "@/lib/search/types";

/**
 * The engine every search and index write goes through. PostgreSQL by default; a deployment that
 * outgrows it swaps this one line for another SearchEngine (see docs/search-and-speed.md).
 */
export const searchEngine: SearchEngine = postgresSearchEngine;
