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

-- 政策解读: an interpretation links the policy document it explains.
ALTER TABLE "ItemRevision" ADD COLUMN "interpretedItemId" INTEGER;
CREATE INDEX "ItemRevision_interpretedItemId_idx" ON "ItemRevision"("interpretedItemId");
ALTER TABLE "ItemRevision" ADD CONSTRAINT "ItemRevision_interpretedItemId_fkey" FOREIGN KEY ("interpretedItemId") REFERENCES "Item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The statutory catalogue after Art. 20 and current practice, for installations that already have
-- a catalogue (a fresh one gets it from the seed). Slugs are published addresses: the renamed
-- category keeps its slug; new categories are added under 法定主动公开内容 only where it exists and
-- only where the slug is free; names an administrator changed are left alone.
UPDATE "Category" SET "name" = '重大行政决策', "updatedAt" = now()
 WHERE "slug" = 'major-decisions' AND "name" = '重大决策(三重一大)';

INSERT INTO "Category" ("parentId", "slug", "name", "kind", "sortOrder", "updatedAt")
SELECT s."id", v."slug", v."name", 'list', v."sortOrder", now()
  FROM "Category" s
 CROSS JOIN (VALUES ('policy-interpretations', '政策解读', 25),
                    ('enforcement-disclosure', '行政执法公示', 45),
                    ('major-projects', '重大建设项目', 135),
                    ('emergencies', '突发事件应急', 145)) AS v("slug", "name", "sortOrder")
 WHERE s."slug" = 'statutory'
ON CONFLICT ("slug") DO NOTHING;

INSERT INTO "Category" ("parentId", "slug", "name", "kind", "sortOrder", "updatedAt")
SELECT e."id", v."slug", v."name", 'list', v."sortOrder", now()
  FROM "Category" e
 CROSS JOIN (VALUES ('enforcement-before', '事前公开', 10),
                    ('enforcement-during', '事中公示', 20),
                    ('enforcement-after', '事后公开（执法决定）', 30)) AS v("slug", "name", "sortOrder")
 WHERE e."slug" = 'enforcement-disclosure'
ON CONFLICT ("slug") DO NOTHING;

-- 索引号: the prefix is the agency's 统一社会信用代码 or 组织机构代码 (an agency setting; until it is
-- set, the short code as before) and the year is that of the 成文日期 or of publication. Existing
-- 索引号 are not rewritten.
CREATE TYPE "IndexNumberYearBasis" AS ENUM ('written', 'published');
ALTER TABLE "Agency" ADD COLUMN "organizationCode" TEXT,
                     ADD COLUMN "indexNumberYearBasis" "IndexNumberYearBasis" NOT NULL DEFAULT 'written';
