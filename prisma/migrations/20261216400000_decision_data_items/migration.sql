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
