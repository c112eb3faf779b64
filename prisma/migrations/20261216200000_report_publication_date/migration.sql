-- The annual report's publication date (落款 and the public list), set by the approving leader.
-- Reports published before take the Beijing day of their publication.
ALTER TABLE "AnnualReport" ADD COLUMN "publicationDate" DATE;
UPDATE "AnnualReport" SET "publicationDate" = ("publishedAt" AT TIME ZONE 'Asia/Shanghai')::date WHERE "publishedAt" IS NOT NULL;
