-- 双公示, round two: the national data items in full (issue 14, point 13).
ALTER TABLE "AdministrativeDecision"
  ADD COLUMN "idType" TEXT,
  ADD COLUMN "licenseCategory" TEXT,
  ADD COLUMN "licenseNumber" TEXT,
  ADD COLUMN "licenseDocumentName" TEXT,
  ADD COLUMN "licenseStatus" TEXT,
  ADD COLUMN "fineAmount" DECIMAL(18,6),
  ADD COLUMN "confiscationAmount" DECIMAL(18,6),
  ADD COLUMN "suspendedLicense" TEXT,
  ADD COLUMN "dataSourceCreditCode" TEXT;

-- Before 证件类型 existed, a natural person's number was always a 居民身份证 (it was validated as one).
UPDATE "AdministrativeDecision" SET "idType" = '居民身份证' WHERE "idNumber" IS NOT NULL;

-- 双公示, round two: penalty publicity by procedure and severity, early removal after 信用修复 (point 14).
CREATE TYPE "PenaltyProcedure" AS ENUM ('simple', 'ordinary');
CREATE TYPE "PenaltySeverity" AS ENUM ('general', 'serious');
CREATE TYPE "PublicityRemovalState" AS ENUM ('proposed', 'approved', 'rejected');

ALTER TABLE "AdministrativeDecision"
  ADD COLUMN "penaltyProcedure" "PenaltyProcedure",
  ADD COLUMN "penaltySeverity" "PenaltySeverity",
  ADD COLUMN "publicityRemovedOn" DATE,
  ADD COLUMN "removalReason" TEXT;

CREATE TABLE "PublicityRemoval" (
    "id" SERIAL NOT NULL,
    "decisionId" INTEGER NOT NULL,
    "removeOn" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "state" "PublicityRemovalState" NOT NULL DEFAULT 'proposed',
    "proposedById" INTEGER NOT NULL,
    "proposedAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMPTZ(3),
    "comment" TEXT,

    CONSTRAINT "PublicityRemoval_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "PublicityRemoval_decisionId_idx" ON "PublicityRemoval"("decisionId");

ALTER TABLE "PublicityRemoval" ADD CONSTRAINT "PublicityRemoval_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "AdministrativeDecision"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PublicityRemoval" ADD CONSTRAINT "PublicityRemoval_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PublicityRemoval" ADD CONSTRAINT "PublicityRemoval_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

