-- Index terms become integer keys (lib/search/text/normalize.ts, termKey): a character is its code
-- point, a pair of characters c1 c2 is c1 * 2^21 + c2. PostgreSQL compares integers far faster
-- than text under the database's collation: the GIN index of the terms builds about twice as fast
-- (200,000 documents: 56 s -> 27 s; docs/search-and-speed.md). Existing documents are converted
-- in place (every term is one or two characters), so the index stays complete through the upgrade.
CREATE FUNCTION "gongkai_search_term_keys"(terms TEXT[]) RETURNS BIGINT[] LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT COALESCE(array_agg(CASE WHEN length(t) = 1 THEN ascii(t)::bigint
                                 ELSE ascii(t)::bigint * 2097152 + ascii(substr(t, 2)) END ORDER BY n), '{}')
    FROM unnest(terms) WITH ORDINALITY AS u(t, n)
$$;

ALTER TABLE "SearchDocument"
  ALTER COLUMN "terms" SET DATA TYPE BIGINT[] USING "gongkai_search_term_keys"("terms"),
  ALTER COLUMN "titleTerms" SET DATA TYPE BIGINT[] USING "gongkai_search_term_keys"("titleTerms");

DROP FUNCTION "gongkai_search_term_keys"(TEXT[]);

-- A new type takes its own storage default: keep the arrays out of line and uncompressed
-- (20261218110000), with the statistics the engine reads for very common terms (20261218100000).
ALTER TABLE "SearchDocument"
  ALTER COLUMN "terms" SET STORAGE EXTERNAL,
  ALTER COLUMN "titleTerms" SET STORAGE EXTERNAL,
  ALTER COLUMN "terms" SET STATISTICS 1000,
  ALTER COLUMN "titleTerms" SET STATISTICS 1000;
