-- What the public sends to an agency (集约化) carries the agency it was sent to: applications,
-- deputies' suggestions and proposals, messages. The records a section keeps (items, registers,
-- inspections, reports) belong to the agency of their section. A row written without an agency
-- belongs to the default agency (as the addresses without an agency serve it): the column's default.

CREATE FUNCTION "gongkai_default_agency_id"() RETURNS integer LANGUAGE sql STABLE AS $$ SELECT "id" FROM "Agency" WHERE "isDefault" $$;

ALTER TABLE "Application" ADD COLUMN "agencyId" INTEGER;
UPDATE "Application" SET "agencyId" = "gongkai_default_agency_id"();
ALTER TABLE "Application" ALTER COLUMN "agencyId" SET DEFAULT "gongkai_default_agency_id"(), ALTER COLUMN "agencyId" SET NOT NULL;
ALTER TABLE "Application" ADD CONSTRAINT "Application_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "Application_agencyId_receivedOn_idx" ON "Application"("agencyId", "receivedOn");

ALTER TABLE "Proposal" ADD COLUMN "agencyId" INTEGER;
UPDATE "Proposal" SET "agencyId" = "gongkai_default_agency_id"();
ALTER TABLE "Proposal" ALTER COLUMN "agencyId" SET DEFAULT "gongkai_default_agency_id"(), ALTER COLUMN "agencyId" SET NOT NULL;
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "Proposal_agencyId_year_idx" ON "Proposal"("agencyId", "year");

ALTER TABLE "Feedback" ADD COLUMN "agencyId" INTEGER;
UPDATE "Feedback" SET "agencyId" = "gongkai_default_agency_id"();
ALTER TABLE "Feedback" ALTER COLUMN "agencyId" SET DEFAULT "gongkai_default_agency_id"(), ALTER COLUMN "agencyId" SET NOT NULL;
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "Feedback_agencyId_status_idx" ON "Feedback"("agencyId", "status");
