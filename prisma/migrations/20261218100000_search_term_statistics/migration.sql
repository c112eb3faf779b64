-- The search engine reads ANALYZE's most common index terms and their shares (pg_stats) to skip
-- counting for very common terms (lib/search/postgres-engine.ts, searchCommonTerms). The default
-- statistics target keeps about 1,000 terms, only those in roughly a quarter of the documents;
-- 1,000 keeps about 10,000, down to a fraction of a percent.
ALTER TABLE "SearchDocument" ALTER COLUMN "terms" SET STATISTICS 1000, ALTER COLUMN "titleTerms" SET STATISTICS 1000;
