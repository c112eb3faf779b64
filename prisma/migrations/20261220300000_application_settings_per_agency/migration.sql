-- Application settings per agency (集约化): the handling section (政府信息公开工作机构), the
-- reconsideration organ and court named in reply letters, who approves an extension and whether a
-- rest-day receipt is deferred are each agency's own. The one row of the installation served the
-- default agency: it becomes the default agency's row; other agencies have none until their
-- administrator saves theirs (the defaults apply meanwhile).

ALTER TABLE "ApplicationSettings" ADD COLUMN "agencyId" INTEGER;
UPDATE "ApplicationSettings" SET "agencyId" = "gongkai_default_agency_id"() WHERE "id" = 1;
DELETE FROM "ApplicationSettings" WHERE "agencyId" IS NULL;
ALTER TABLE "ApplicationSettings" DROP CONSTRAINT "ApplicationSettings_pkey";
ALTER TABLE "ApplicationSettings" DROP COLUMN "id";
ALTER TABLE "ApplicationSettings" ALTER COLUMN "agencyId" SET NOT NULL;
ALTER TABLE "ApplicationSettings" ADD CONSTRAINT "ApplicationSettings_pkey" PRIMARY KEY ("agencyId");
ALTER TABLE "ApplicationSettings" ADD CONSTRAINT "ApplicationSettings_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
