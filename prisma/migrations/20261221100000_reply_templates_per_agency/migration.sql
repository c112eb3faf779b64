-- Reply templates per agency (集约化): each agency may keep its own 答复书模板 per outcome; the default
-- agency's (the platform's) stay the fallback for the others, the built-in ones the fallback for all.
-- The templates of the installation were the default agency's: they become its rows.

ALTER TABLE "ReplyTemplate" ADD COLUMN "agencyId" INTEGER;
UPDATE "ReplyTemplate" SET "agencyId" = "gongkai_default_agency_id"();
ALTER TABLE "ReplyTemplate" ALTER COLUMN "agencyId" SET NOT NULL;
ALTER TABLE "ReplyTemplate" DROP CONSTRAINT "ReplyTemplate_pkey";
ALTER TABLE "ReplyTemplate" ADD CONSTRAINT "ReplyTemplate_pkey" PRIMARY KEY ("agencyId", "outcome");
ALTER TABLE "ReplyTemplate" ADD CONSTRAINT "ReplyTemplate_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
