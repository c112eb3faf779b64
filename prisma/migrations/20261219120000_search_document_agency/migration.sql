-- One search across the platform (集约化) with an agency filter: every search document carries the
-- agency of its record. Added with a constant default first (the existing documents are all the
-- default agency's), which PostgreSQL records without rewriting the table (a million-document
-- index stays as it is); new rows then take the default agency unless the source names one.
DO $$
BEGIN
  EXECUTE format('ALTER TABLE "SearchDocument" ADD COLUMN "agencyId" INTEGER NOT NULL DEFAULT %s', coalesce("gongkai_default_agency_id"(), 0));
END
$$;
ALTER TABLE "SearchDocument" ALTER COLUMN "agencyId" SET DEFAULT "gongkai_default_agency_id"();
