-- Issue 14 (Table 4): a reconsideration or lawsuit about proactive disclosure (主动公开) concerns no
-- application; it names what it is about instead. Every case has one or the other.
ALTER TABLE "Reconsideration" ALTER COLUMN "applicationId" DROP NOT NULL;
ALTER TABLE "Reconsideration" ADD COLUMN "subject" TEXT;
ALTER TABLE "Reconsideration" ADD CONSTRAINT "Reconsideration_application_or_subject"
  CHECK ("applicationId" IS NOT NULL OR "subject" IS NOT NULL);

ALTER TABLE "Litigation" ALTER COLUMN "applicationId" DROP NOT NULL;
ALTER TABLE "Litigation" ADD COLUMN "subject" TEXT;
ALTER TABLE "Litigation" ADD CONSTRAINT "Litigation_application_or_subject"
  CHECK ("applicationId" IS NOT NULL OR "subject" IS NOT NULL);
