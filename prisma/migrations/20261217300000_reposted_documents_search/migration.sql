-- Issue 14: a reposted document (外单位发文机关 set) is not this agency's own and must not count under
-- the search filter 本机关 (issuingBody=agency). Documents already indexed as the agency's take
-- their outside issuer now, as lib/search/sources/item.ts indexes them from here on.
UPDATE "SearchDocument" d
   SET "issuingBody" = 'external:' || r."externalIssuingBody"
  FROM "Item" i
  JOIN "ItemRevision" r ON r."id" = i."publishedRevisionId"
 WHERE d."type" = 'item' AND d."sourceId" = i."id" AND r."externalIssuingBody" IS NOT NULL;
