-- Issue 14 (applications): notices run from their receipt, several consultations, Art. 35 extension.
ALTER TYPE "ApplicationStepType" ADD VALUE 'agency_consultation';
ALTER TYPE "ApplicationStepType" ADD VALUE 'agency_reply';
ALTER TYPE "ApplicationStepType" ADD VALUE 'notice_received';

CREATE TYPE "NoticeDeliveryMethod" AS ENUM ('in_person', 'email', 'system', 'post');
CREATE TYPE "ExtensionBasis" AS ENUM ('art33', 'art35');

ALTER TABLE "ApplicationStep"
  ADD COLUMN "noticeDeliveryMethod" "NoticeDeliveryMethod",
  ADD COLUMN "noticeReceivedOn" DATE,
  ADD COLUMN "relatesToStepId" INTEGER,
  ADD COLUMN "extensionBasis" "ExtensionBasis";

ALTER TABLE "ApplicationFee"
  ADD COLUMN "deliveryMethod" "NoticeDeliveryMethod",
  ADD COLUMN "receivedOn" DATE,
  ALTER COLUMN "payBy" DROP NOT NULL;

-- Notices recorded before this change carry no day of receipt: their payment deadline counted from
-- the day sent, which the fee measures do not allow. They become "receipt unknown" (flagged, never
-- closed automatically) until staff enter the day the applicant received the notice.
UPDATE "ApplicationFee" SET "payBy" = NULL
WHERE "paidOn" IS NULL AND "applicationId" IN (SELECT id FROM "Application" WHERE status = 'awaiting_fee');

-- Reply letters name the reconsideration organ and the court; Art. 33 extensions are approved by the
-- head of the disclosure office; rest-day receipts are deferred (顺延) only if the agency says so.
ALTER TABLE "ApplicationSettings"
  ADD COLUMN "reconsiderationOrgan" TEXT,
  ADD COLUMN "litigationCourt" TEXT,
  ADD COLUMN "extensionApproverRole" "Role" NOT NULL DEFAULT 'section_head',
  ADD COLUMN "deferRestDayReceipt" BOOLEAN NOT NULL DEFAULT true;
