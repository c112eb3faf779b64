-- Visitors' messages are screened for personal data like items before anything is published:
-- findings at submission (the message waits in the moderation queue) and the section head's
-- acknowledgements when the message and its reply are published.

-- CreateEnum
CREATE TYPE "FeedbackScreeningStage" AS ENUM ('submission', 'publication');

-- CreateTable
CREATE TABLE "FeedbackScreeningFinding" (
    "id" SERIAL NOT NULL,
    "feedbackId" INTEGER NOT NULL,
    "stage" "FeedbackScreeningStage" NOT NULL,
    "source" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "match" TEXT NOT NULL,
    "context" TEXT NOT NULL,
    "acknowledgedNote" TEXT,
    "acknowledgedById" INTEGER,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackScreeningFinding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FeedbackScreeningFinding_feedbackId_idx" ON "FeedbackScreeningFinding"("feedbackId");

-- AddForeignKey
ALTER TABLE "FeedbackScreeningFinding" ADD CONSTRAINT "FeedbackScreeningFinding_feedbackId_fkey" FOREIGN KEY ("feedbackId") REFERENCES "Feedback"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackScreeningFinding" ADD CONSTRAINT "FeedbackScreeningFinding_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
