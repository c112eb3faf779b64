-- Issue 14, round two: the catalogue, Table 2's documents and the 索引号.

-- A reposted document of a higher (or another) authority names its issuer; Table 2 counts only
-- the agency's own 规章 and 行政规范性文件 (本年制发).
ALTER TABLE "ItemRevision" ADD COLUMN "externalIssuingBody" TEXT;

-- 规章 gets its own category next to 行政规范性文件 (until now one category "规章和规范性文件"), on
-- installations that already have a catalogue (a fresh one gets the new default catalogue from the
-- seed). A name an administrator changed is left alone.
UPDATE "Category" SET "name" = '行政规范性文件', "updatedAt" = now()
 WHERE "slug" = 'normative-documents' AND "name" = '规章和规范性文件';
INSERT INTO "Category" ("parentId", "slug", "name", "kind", "sortOrder", "updatedAt")
SELECT n."parentId", 'regulations', '规章', 'list', n."sortOrder" - 1, now()
  FROM "Category" n
 WHERE n."slug" = 'normative-documents'
ON CONFLICT ("slug") DO NOTHING;
