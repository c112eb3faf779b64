-- 索引号 are numbered per agency (集约化): each agency's prefix (its 统一社会信用代码) has its own
-- yearly sequence. The existing counters are the default agency's.
ALTER TABLE "IndexNumberSequence" ADD COLUMN "agencyId" INTEGER;
UPDATE "IndexNumberSequence" SET "agencyId" = "gongkai_default_agency_id"();
ALTER TABLE "IndexNumberSequence" ALTER COLUMN "agencyId" SET NOT NULL;
ALTER TABLE "IndexNumberSequence" DROP CONSTRAINT "IndexNumberSequence_pkey";
ALTER TABLE "IndexNumberSequence" ADD CONSTRAINT "IndexNumberSequence_pkey" PRIMARY KEY ("agencyId", "year");
ALTER TABLE "IndexNumberSequence" ADD CONSTRAINT "IndexNumberSequence_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
