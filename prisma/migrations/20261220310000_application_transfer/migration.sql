-- Transfer of an application to another agency of the platform (集约化, 转送): a handling step
-- `transfer` that records the agency it left and the agency it went to. The application's agencyId
-- changes with it; the receiving agency's time limit counts from the transfer day (its receipt).

ALTER TYPE "ApplicationStepType" ADD VALUE 'transfer';

ALTER TABLE "ApplicationStep" ADD COLUMN "fromAgencyId" INTEGER, ADD COLUMN "toAgencyId" INTEGER;
ALTER TABLE "ApplicationStep" ADD CONSTRAINT "ApplicationStep_fromAgencyId_fkey" FOREIGN KEY ("fromAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ApplicationStep" ADD CONSTRAINT "ApplicationStep_toAgencyId_fkey" FOREIGN KEY ("toAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- A transfer names both agencies, and two different ones; no other step names either. (The type is
-- compared as text: the new enum value cannot be used in the transaction that adds it.)
ALTER TABLE "ApplicationStep" ADD CONSTRAINT "ApplicationStep_transfer_agencies" CHECK (
  CASE WHEN "type"::text = 'transfer' THEN "fromAgencyId" IS NOT NULL AND "toAgencyId" IS NOT NULL AND "fromAgencyId" <> "toAgencyId"
       ELSE "fromAgencyId" IS NULL AND "toAgencyId" IS NULL END
);
