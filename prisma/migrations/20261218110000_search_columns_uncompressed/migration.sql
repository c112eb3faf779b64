-- The search table's term arrays and folded text are stored out of line without compression
-- (STORAGE EXTERNAL). pglz, the only compression this PostgreSQL build offers, cost about 0.6 ms of
-- CPU per document written (most of an index build: a million documents, ten minutes) and
-- decompression on every read of a term array (the GIN index build) or of the folded text (a walk
-- checking phrases). The table takes about 70 % more disk instead (docs/search-and-speed.md).
-- "content" (the original text, read only for the snippets of a page) stays compressed.
-- Rows written before this migration keep their compressed values until they are written again.
ALTER TABLE "SearchDocument"
  ALTER COLUMN "terms" SET STORAGE EXTERNAL,
  ALTER COLUMN "titleTerms" SET STORAGE EXTERNAL,
  ALTER COLUMN "searchText" SET STORAGE EXTERNAL;
