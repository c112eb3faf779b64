-- CreateTable
CREATE TABLE "SearchDocument" (
    "id" SERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "sourceVersion" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "titleText" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "terms" TEXT[],
    "titleTerms" TEXT[],
    "url" TEXT NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL,
    "categoryId" INTEGER,
    "issuingBody" TEXT,
    "validity" TEXT,
    "indexedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchIndexState" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "contentVersion" TEXT NOT NULL,
    "reconciledAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SearchIndexState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SearchDocument_terms_idx" ON "SearchDocument" USING GIN ("terms");

-- CreateIndex
CREATE INDEX "SearchDocument_titleTerms_idx" ON "SearchDocument" USING GIN ("titleTerms");

-- CreateIndex
CREATE INDEX "SearchDocument_publishedAt_idx" ON "SearchDocument"("publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SearchDocument_type_sourceId_key" ON "SearchDocument"("type", "sourceId");

-- Not modelled by Prisma (storage only, invisible to `prisma migrate diff`): keep rows narrow.
-- Long values (content, searchText, the term arrays) move to TOAST as soon as a row passes 256
-- bytes, so that counting and ranking many matches reads ~200-byte rows, not 2-8 kB ones; they are
-- only read for the few rows whose text must confirm a phrase or show a snippet. The folded title
-- stays in the row (titles are short): the title tier of the ranking reads it for every match.
ALTER TABLE "SearchDocument" SET (toast_tuple_target = 256);
ALTER TABLE "SearchDocument" ALTER COLUMN "titleText" SET STORAGE MAIN;
