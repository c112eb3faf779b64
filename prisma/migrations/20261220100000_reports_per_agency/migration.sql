-- Each agency on the platform (集约化) publishes its own annual report, enters its own hand-kept
-- figures (Table 2 and 4 before Gongkai, 行政事业性收费) and publishes its own yearly power list.
-- What existed belongs to the default agency (the report to its section's agency).

ALTER TABLE "AnnualReport" ADD COLUMN "agencyId" INTEGER;
UPDATE "AnnualReport" r SET "agencyId" = s."agencyId" FROM "Section" s WHERE s."id" = r."sectionId";
ALTER TABLE "AnnualReport" ALTER COLUMN "agencyId" SET NOT NULL;
ALTER TABLE "AnnualReport" ADD CONSTRAINT "AnnualReport_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
DROP INDEX "AnnualReport_year_edition_key";
CREATE UNIQUE INDEX "AnnualReport_agencyId_year_edition_key" ON "AnnualReport"("agencyId", "year", "edition");
CREATE INDEX "AnnualReport_year_state_idx" ON "AnnualReport"("year", "state");

ALTER TABLE "ReportManualFigures" ADD COLUMN "agencyId" INTEGER;
UPDATE "ReportManualFigures" SET "agencyId" = "gongkai_default_agency_id"();
ALTER TABLE "ReportManualFigures" ALTER COLUMN "agencyId" SET DEFAULT "gongkai_default_agency_id"(), ALTER COLUMN "agencyId" SET NOT NULL;
ALTER TABLE "ReportManualFigures" ADD CONSTRAINT "ReportManualFigures_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ReportManualFigures" DROP CONSTRAINT "ReportManualFigures_pkey", ADD CONSTRAINT "ReportManualFigures_pkey" PRIMARY KEY ("agencyId", "year");

ALTER TABLE "AnnualFeeIncome" ADD COLUMN "agencyId" INTEGER;
UPDATE "AnnualFeeIncome" SET "agencyId" = "gongkai_default_agency_id"();
ALTER TABLE "AnnualFeeIncome" ALTER COLUMN "agencyId" SET DEFAULT "gongkai_default_agency_id"(), ALTER COLUMN "agencyId" SET NOT NULL;
ALTER TABLE "AnnualFeeIncome" ADD CONSTRAINT "AnnualFeeIncome_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AnnualFeeIncome" DROP CONSTRAINT "AnnualFeeIncome_pkey", ADD CONSTRAINT "AnnualFeeIncome_pkey" PRIMARY KEY ("agencyId", "year");

ALTER TABLE "PowerListVersion" ADD COLUMN "agencyId" INTEGER;
UPDATE "PowerListVersion" SET "agencyId" = "gongkai_default_agency_id"();
ALTER TABLE "PowerListVersion" ALTER COLUMN "agencyId" SET DEFAULT "gongkai_default_agency_id"(), ALTER COLUMN "agencyId" SET NOT NULL;
ALTER TABLE "PowerListVersion" ADD CONSTRAINT "PowerListVersion_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
DROP INDEX "PowerListVersion_year_key";
CREATE UNIQUE INDEX "PowerListVersion_agencyId_year_key" ON "PowerListVersion"("agencyId", "year");
