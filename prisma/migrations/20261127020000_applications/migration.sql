-- CreateEnum
CREATE TYPE "ApplicantType" AS ENUM ('natural_person', 'organisation');

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('business', 'research', 'public_interest', 'legal_service', 'other');

-- CreateEnum
CREATE TYPE "ApplicantIdType" AS ENUM ('resident_id', 'passport', 'other');

-- CreateEnum
CREATE TYPE "DeliveryMethod" AS ENUM ('paper', 'email', 'disc', 'pickup');

-- CreateEnum
CREATE TYPE "InformationForm" AS ENUM ('paper', 'electronic');

-- CreateEnum
CREATE TYPE "ReceiptMethod" AS ENUM ('online', 'in_person', 'registered_post', 'letter', 'fax', 'email');

-- CreateEnum
CREATE TYPE "ApplicationSource" AS ENUM ('online', 'offline', 'ledger');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('processing', 'awaiting_correction', 'awaiting_third_party', 'awaiting_fee', 'decided', 'closed');

-- CreateEnum
CREATE TYPE "ApplicationOutcome" AS ENUM ('disclose', 'partial', 'refuse_state_secret', 'refuse_law_prohibits', 'refuse_three_safety', 'refuse_third_party', 'refuse_internal_affairs', 'refuse_process_info', 'refuse_enforcement_file', 'refuse_admin_query', 'unable_not_held', 'unable_needs_creation', 'unable_unclear_after_correction', 'not_processed_petition', 'not_processed_repeat', 'not_processed_publication', 'not_processed_mass_repeat', 'not_processed_confirm', 'other_no_correction', 'other_no_fee', 'other_other');

-- CreateEnum
CREATE TYPE "ApplicationStepType" AS ENUM ('correction_request', 'correction_received', 'third_party_consultation', 'third_party_reply', 'extension', 'fee_notice', 'fee_paid', 'decision', 'reply_issued', 'delivery');

-- CreateEnum
CREATE TYPE "FeeMethod" AS ENUM ('by_count', 'by_volume');

-- CreateEnum
CREATE TYPE "AppealResult" AS ENUM ('upheld', 'corrected', 'other', 'pending');

-- CreateTable
CREATE TABLE "Application" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "source" "ApplicationSource" NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'processing',
    "version" INTEGER NOT NULL DEFAULT 1,
    "lookupCodeHash" TEXT,
    "lookupCodeSalt" TEXT,
    "idempotencyKeyHash" TEXT,
    "submissionFingerprint" TEXT,
    "receiptMethod" "ReceiptMethod",
    "submittedOn" DATE NOT NULL,
    "receivedOn" DATE NOT NULL,
    "applicantType" "ApplicantType" NOT NULL,
    "organisationKind" "OrganisationKind",
    "name" TEXT,
    "idType" "ApplicantIdType",
    "idNumber" TEXT,
    "creditCode" TEXT,
    "legalRepresentative" TEXT,
    "contactName" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "address" TEXT,
    "description" TEXT,
    "deliveryMethod" "DeliveryMethod",
    "informationForm" "InformationForm",
    "outcome" "ApplicationOutcome",
    "decidedOn" DATE,
    "closedOn" DATE,
    "registeredById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationStep" (
    "id" SERIAL NOT NULL,
    "applicationId" INTEGER NOT NULL,
    "type" "ApplicationStepType" NOT NULL,
    "date" DATE NOT NULL,
    "actorId" INTEGER,
    "note" TEXT,
    "respondBy" DATE,
    "extensionDays" INTEGER,
    "applicantNotifiedOn" DATE,
    "thirdParty" TEXT,
    "outcome" "ApplicationOutcome",
    "deliveryMethod" "DeliveryMethod",
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationFee" (
    "id" SERIAL NOT NULL,
    "applicationId" INTEGER NOT NULL,
    "method" "FeeMethod" NOT NULL,
    "quantity" INTEGER NOT NULL,
    "amountYuan" INTEGER NOT NULL,
    "breakdown" JSONB NOT NULL,
    "noticeOn" DATE NOT NULL,
    "payBy" DATE NOT NULL,
    "paidOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationFee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationReply" (
    "id" SERIAL NOT NULL,
    "applicationId" INTEGER NOT NULL,
    "outcome" "ApplicationOutcome" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "state" "ItemState" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "authorId" INTEGER,
    "issuedOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ApplicationReply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReplyTemplate" (
    "outcome" "ApplicationOutcome" NOT NULL,
    "title" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReplyTemplate_pkey" PRIMARY KEY ("outcome")
);

-- CreateTable
CREATE TABLE "ApplicationSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "handlingSectionId" INTEGER,

    CONSTRAINT "ApplicationSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationNumberSequence" (
    "year" INTEGER NOT NULL,
    "lastValue" INTEGER NOT NULL,

    CONSTRAINT "ApplicationNumberSequence_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "Reconsideration" (
    "id" SERIAL NOT NULL,
    "applicationId" INTEGER NOT NULL,
    "filedOn" DATE NOT NULL,
    "body" TEXT NOT NULL,
    "result" "AppealResult" NOT NULL DEFAULT 'pending',
    "resultOn" DATE,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Reconsideration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Litigation" (
    "id" SERIAL NOT NULL,
    "applicationId" INTEGER NOT NULL,
    "filedOn" DATE NOT NULL,
    "body" TEXT NOT NULL,
    "afterReconsideration" BOOLEAN NOT NULL DEFAULT false,
    "result" "AppealResult" NOT NULL DEFAULT 'pending',
    "resultOn" DATE,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Litigation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Application_number_key" ON "Application"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Application_idempotencyKeyHash_key" ON "Application"("idempotencyKeyHash");

-- CreateIndex
CREATE INDEX "Application_status_idx" ON "Application"("status");

-- CreateIndex
CREATE INDEX "Application_receivedOn_idx" ON "Application"("receivedOn");

-- CreateIndex
CREATE INDEX "Application_decidedOn_idx" ON "Application"("decidedOn");

-- CreateIndex
CREATE INDEX "ApplicationStep_applicationId_idx" ON "ApplicationStep"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationFee_applicationId_key" ON "ApplicationFee"("applicationId");

-- CreateIndex
CREATE INDEX "ApplicationFee_paidOn_idx" ON "ApplicationFee"("paidOn");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationReply_applicationId_key" ON "ApplicationReply"("applicationId");

-- CreateIndex
CREATE INDEX "Reconsideration_applicationId_idx" ON "Reconsideration"("applicationId");

-- CreateIndex
CREATE INDEX "Reconsideration_filedOn_idx" ON "Reconsideration"("filedOn");

-- CreateIndex
CREATE INDEX "Litigation_applicationId_idx" ON "Litigation"("applicationId");

-- CreateIndex
CREATE INDEX "Litigation_filedOn_idx" ON "Litigation"("filedOn");

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationStep" ADD CONSTRAINT "ApplicationStep_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationStep" ADD CONSTRAINT "ApplicationStep_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationFee" ADD CONSTRAINT "ApplicationFee_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationReply" ADD CONSTRAINT "ApplicationReply_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationReply" ADD CONSTRAINT "ApplicationReply_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reconsideration" ADD CONSTRAINT "Reconsideration_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Litigation" ADD CONSTRAINT "Litigation_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
