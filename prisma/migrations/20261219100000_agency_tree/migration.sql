-- One platform for a whole government (集约化): agencies form a tree (government, office,
-- departments, towns), each with its own sections; two platform roles. An existing single-agency
-- database becomes a platform holding that one agency, which stays the default one (the addresses
-- without an agency serve it): nothing is copied, only the new columns are filled.

ALTER TYPE "Role" ADD VALUE 'platform_admin';
ALTER TYPE "Role" ADD VALUE 'supervisor';

CREATE TYPE "AgencyKind" AS ENUM ('government', 'office', 'department', 'town');

ALTER TABLE "Agency"
  ADD COLUMN "kind" "AgencyKind" NOT NULL DEFAULT 'department',
  ADD COLUMN "parentId" INTEGER,
  ADD COLUMN "sortOrder" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "isDefault" BOOLEAN,
  ADD COLUMN "officeHours" TEXT,
  ADD COLUMN "disclosureOffice" TEXT;

ALTER TABLE "Agency" ADD CONSTRAINT "Agency_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "Agency_parentId_idx" ON "Agency"("parentId");
-- One default agency at most: the flag is true or null, and unique.
CREATE UNIQUE INDEX "Agency_isDefault_key" ON "Agency"("isDefault");
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_isDefault_true_or_null" CHECK ("isDefault");
-- Codes go into addresses (/agencies/{code}).
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_code_format" CHECK ("code" ~ '^[A-Z0-9][A-Z0-9-]{1,31}$');

-- A database with sections but no agency row (never started with seed data) gets one to hold them.
INSERT INTO "Agency" ("code", "name", "shortName", "address", "postcode", "email", "updatedAt")
SELECT 'DEFAULT', '本机关', '本机关', '', '', '', CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM "Agency") AND (EXISTS (SELECT 1 FROM "Section") OR EXISTS (SELECT 1 FROM "LeadingGroupMember"));

-- The agency that ran the site (the first row) is the default one.
UPDATE "Agency" SET "isDefault" = true WHERE "id" = (SELECT min("id") FROM "Agency");

ALTER TABLE "Section" ADD COLUMN "agencyId" INTEGER;
UPDATE "Section" SET "agencyId" = (SELECT "id" FROM "Agency" WHERE "isDefault");
ALTER TABLE "Section" ALTER COLUMN "agencyId" SET NOT NULL;
ALTER TABLE "Section" ADD CONSTRAINT "Section_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
DROP INDEX "Section_name_key";
CREATE UNIQUE INDEX "Section_agencyId_name_key" ON "Section"("agencyId", "name");

ALTER TABLE "LeadingGroupMember" ADD COLUMN "agencyId" INTEGER;
UPDATE "LeadingGroupMember" SET "agencyId" = (SELECT "id" FROM "Agency" WHERE "isDefault");
ALTER TABLE "LeadingGroupMember" ALTER COLUMN "agencyId" SET NOT NULL;
ALTER TABLE "LeadingGroupMember" ADD CONSTRAINT "LeadingGroupMember_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "LeadingGroupMember_agencyId_idx" ON "LeadingGroupMember"("agencyId");
