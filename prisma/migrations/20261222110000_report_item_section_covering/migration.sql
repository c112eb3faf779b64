-- Table 2 of the annual report counts each agency's own documents (reports per agency,
-- lib/reports/item-figures.ts): the join from a published revision to its item now reads the
-- item's section too. The unique index on "publishedRevisionId" carried only "withdrawnAt"
-- (20261218120000_report_covering_indexes), so every one of a year's 70,000 documents cost a heap
-- fetch of its item again (1,000,000 items: 45 → 296 ms per category). It carries "sectionId" as
-- well; the counts come from the indexes alone again.
DROP INDEX "Item_publishedRevisionId_key";
CREATE UNIQUE INDEX "Item_publishedRevisionId_key" ON "Item" ("publishedRevisionId") INCLUDE ("withdrawnAt", "sectionId");
