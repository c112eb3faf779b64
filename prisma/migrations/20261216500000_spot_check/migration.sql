-- Spot-check readiness (issue 17): the age limit of each column, the wording rules, the oversight settings.
ALTER TABLE "Category" ADD COLUMN "staleAfterDays" INTEGER;
ALTER TABLE "Category" ADD CONSTRAINT "Category_staleAfterDays_check" CHECK ("staleAfterDays" IS NULL OR "staleAfterDays" BETWEEN 0 AND 3660);

CREATE TABLE "WordingRule" (
    "id" SERIAL NOT NULL,
    "wrong" TEXT NOT NULL,
    "correct" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WordingRule_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "WordingRule_wrong_key" ON "WordingRule"("wrong");

CREATE TABLE "OversightSetting" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "messageReplyWorkingDays" INTEGER NOT NULL DEFAULT 5,
    "externalLinksCheckedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "OversightSetting_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "OversightSetting_single_row" CHECK ("id" = 1),
    CONSTRAINT "OversightSetting_messageReplyWorkingDays_check" CHECK ("messageReplyWorkingDays" BETWEEN 1 AND 60)
);

CREATE TABLE "ExternalLinkCheck" (
    "url" TEXT NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "status" INTEGER,
    "problem" TEXT,
    "checkedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ExternalLinkCheck_pkey" PRIMARY KEY ("url")
);
