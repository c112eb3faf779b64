-- Proposal replies are screened like items before review: the acknowledged findings are kept.
CREATE TABLE "ProposalReplyScreeningFinding" (
    "id" SERIAL NOT NULL,
    "replyId" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "match" TEXT NOT NULL,
    "context" TEXT NOT NULL,
    "acknowledgedNote" TEXT NOT NULL,
    "acknowledgedById" INTEGER NOT NULL,
    "acknowledgedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ProposalReplyScreeningFinding_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ProposalReplyScreeningFinding_replyId_idx" ON "ProposalReplyScreeningFinding"("replyId");
ALTER TABLE "ProposalReplyScreeningFinding" ADD CONSTRAINT "ProposalReplyScreeningFinding_replyId_fkey" FOREIGN KEY ("replyId") REFERENCES "ProposalReply"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProposalReplyScreeningFinding" ADD CONSTRAINT "ProposalReplyScreeningFinding_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
