-- The annual report's item figures (lib/reports/item-figures.ts) at a province's scale: a year of
-- 90,000 items, 70,000 documents in a normative-documents category, a million items in all. Each
-- figure read one wide ItemRevision row per item (its body text beside the few columns counted):
-- 1.2–2 s each at 1,000,000 items. These indexes carry the columns the figures read (INCLUDE), so
-- the counts come from the indexes alone. The key columns are those the Prisma schema declares; the
-- included ones are not part of its model (lib/database/schema-drift.ts compares key columns).
DROP INDEX "ItemRevision_categoryId_idx";
CREATE INDEX "ItemRevision_categoryId_idx" ON "ItemRevision" ("categoryId")
  INCLUDE ("id", "externalIssuingBody", "validity", "validityDate", "writtenAt", "formedAt");
CREATE INDEX "ItemRevision_id_channels_idx" ON "ItemRevision" ("id") INCLUDE ("channels");
DROP INDEX "Item_publishedAt_idx";
CREATE INDEX "Item_publishedAt_idx" ON "Item" ("publishedAt") INCLUDE ("publishedRevisionId", "publishedOnTime", "sectionId");
DROP INDEX "Item_publishedRevisionId_key";
CREATE UNIQUE INDEX "Item_publishedRevisionId_key" ON "Item" ("publishedRevisionId") INCLUDE ("withdrawnAt");
