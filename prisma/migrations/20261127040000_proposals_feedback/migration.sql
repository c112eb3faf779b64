-- CreateEnum
CREATE TYPE "ProposalKind" AS ENUM ('suggestion', 'proposal');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('pending_assignment', 'in_progress', 'replied', 'closed');

-- CreateEnum
CREATE TYPE "ReplyDisclosure" AS ENUM ('full', 'summary', 'none');

-- CreateEnum
CREATE TYPE "Satisfaction" AS ENUM ('satisfied', 'basically_satisfied', 'unsatisfied');

-- CreateEnum
CREATE TYPE "FeedbackStatus" AS ENUM ('moderation', 'received', 'reply_review', 'answered', 'rejected');

-- CreateEnum
CREATE TYPE "FeedbackReplyState" AS ENUM ('draft', 'section_review', 'approved');

-- CreateTable
CREATE TABLE "ProposalSetting" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "replyPeriodMonths" INTEGER NOT NULL DEFAULT 3,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProposalSetting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "session" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "kind" "ProposalKind" NOT NULL,
    "title" TEXT NOT NULL,
    "proposers" TEXT[],
    "receivedOn" DATE NOT NULL,
    "leadSectionId" INTEGER,
    "assignedOn" DATE,
    "deadline" DATE,
    "deadlineNote" TEXT,
    "status" "ProposalStatus" NOT NULL DEFAULT 'pending_assignment',
    "closedOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalAssistingSection" (
    "proposalId" INTEGER NOT NULL,
    "sectionId" INTEGER NOT NULL,

    CONSTRAINT "ProposalAssistingSection_pkey" PRIMARY KEY ("proposalId","sectionId")
);

-- CreateTable
CREATE TABLE "ProposalReply" (
    "id" SERIAL NOT NULL,
    "proposalId" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "state" "ItemState" NOT NULL DEFAULT 'draft',
    "body" TEXT NOT NULL,
    "summary" TEXT,
    "disclosure" "ReplyDisclosure" NOT NULL DEFAULT 'full',
    "nondisclosureReason" TEXT,
    "dueOn" DATE NOT NULL,
    "authorId" INTEGER NOT NULL,
    "lastEditedById" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "repliedOn" DATE,
    "onTime" BOOLEAN,
    "publishedAt" TIMESTAMPTZ(3),
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawalReason" TEXT,
    "satisfaction" "Satisfaction",
    "feedbackOn" DATE,
    "feedbackNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProposalReply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalReplyAttachment" (
    "id" SERIAL NOT NULL,
    "replyId" INTEGER NOT NULL,
    "fileId" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProposalReplyAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" SERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "name" TEXT,
    "contact" TEXT,
    "mayPublish" BOOLEAN NOT NULL DEFAULT false,
    "itemId" INTEGER,
    "itemTitle" TEXT,
    "sectionId" INTEGER,
    "status" "FeedbackStatus" NOT NULL DEFAULT 'received',
    "moderationMatches" TEXT[],
    "moderationNote" TEXT,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMPTZ(3),
    "publishedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackReply" (
    "id" SERIAL NOT NULL,
    "feedbackId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "state" "FeedbackReplyState" NOT NULL DEFAULT 'draft',
    "authorId" INTEGER NOT NULL,
    "lastEditedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FeedbackReply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackRating" (
    "id" SERIAL NOT NULL,
    "feedbackId" INTEGER NOT NULL,
    "rating" "Satisfaction" NOT NULL,
    "ratedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackRating_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Proposal_year_idx" ON "Proposal"("year");

-- CreateIndex
CREATE INDEX "Proposal_leadSectionId_idx" ON "Proposal"("leadSectionId");

-- CreateIndex
CREATE INDEX "Proposal_status_idx" ON "Proposal"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_year_kind_session_number_key" ON "Proposal"("year", "kind", "session", "number");

-- CreateIndex
CREATE INDEX "ProposalAssistingSection_sectionId_idx" ON "ProposalAssistingSection"("sectionId");

-- CreateIndex
CREATE INDEX "ProposalReply_state_idx" ON "ProposalReply"("state");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalReply_proposalId_round_key" ON "ProposalReply"("proposalId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalReplyAttachment_replyId_fileId_key" ON "ProposalReplyAttachment"("replyId", "fileId");

-- CreateIndex
CREATE INDEX "Feedback_status_idx" ON "Feedback"("status");

-- CreateIndex
CREATE INDEX "Feedback_sectionId_idx" ON "Feedback"("sectionId");

-- CreateIndex
CREATE INDEX "Feedback_publishedAt_idx" ON "Feedback"("publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackReply_feedbackId_key" ON "FeedbackReply"("feedbackId");

-- CreateIndex
CREATE INDEX "FeedbackRating_feedbackId_idx" ON "FeedbackRating"("feedbackId");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_leadSectionId_fkey" FOREIGN KEY ("leadSectionId") REFERENCES "Section"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalAssistingSection" ADD CONSTRAINT "ProposalAssistingSection_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalAssistingSection" ADD CONSTRAINT "ProposalAssistingSection_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalReply" ADD CONSTRAINT "ProposalReply_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalReply" ADD CONSTRAINT "ProposalReply_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalReply" ADD CONSTRAINT "ProposalReply_lastEditedById_fkey" FOREIGN KEY ("lastEditedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalReplyAttachment" ADD CONSTRAINT "ProposalReplyAttachment_replyId_fkey" FOREIGN KEY ("replyId") REFERENCES "ProposalReply"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackReply" ADD CONSTRAINT "FeedbackReply_feedbackId_fkey" FOREIGN KEY ("feedbackId") REFERENCES "Feedback"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackReply" ADD CONSTRAINT "FeedbackReply_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackReply" ADD CONSTRAINT "FeedbackReply_lastEditedById_fkey" FOREIGN KEY ("lastEditedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRating" ADD CONSTRAINT "FeedbackRating_feedbackId_fkey" FOREIGN KEY ("feedbackId") REFERENCES "Feedback"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalReplyAttachment" ADD CONSTRAINT "ProposalReplyAttachment_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE SET NULL ON UPDATE CASCADE;
