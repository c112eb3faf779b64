/**
 * The bench's own database: a synthetic column of published items (bench/synthetic-corpus.ts)
 * written straight to the tables in large batches, then indexed for search through the real
 * reconciliation path (lib/search/search-index.ts), then VACUUM ANALYZE. The items go to the
 * default agency's sections, or (the platform mode, bench/platform-dataset.ts) spread over the
 * agencies' sections they are given.
 */
import pg from "pg";
import { syntheticItem } from "./synthetic-corpus";

export const BENCH_SEED = 20171231;
const BATCH = 2_000;

const SECTIONS = ["综合科", "市容环境管理科", "综合执法大队"];

export type DatasetInfo = { items: number; seed: number; builtAt: string };

/**
 * Where items go: an agency's code (the 索引号 prefix) and its sections; the first section keeps
 * the items, the issuing section (发文机构) of those that name one is among them.
 */
export type ItemPlacement = { agencyCode: string; sectionIds: number[] };

async function ensureOrganisation(client: pg.Client): Promise<{ authorId: number; sectionIds: number[]; agencyCode: string; categories: Map<string, number> }> {
  const sectionIds: number[] = [];
  const agency = await client.query<{ id: number; code: string }>(`SELECT "id", "code" FROM "Agency" WHERE "isDefault"`);
  for (const [index, name] of SECTIONS.entries()) {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO "Section" ("agencyId", "name", "sortOrder", "updatedAt") VALUES ($3, $1, $2, now())
       ON CONFLICT ("agencyId", "name") DO UPDATE SET "name" = EXCLUDED."name" RETURNING "id"`,
      [name, (index + 1) * 10, agency.rows[0].id],
    );
    sectionIds.push(rows[0].id);
  }
  const user = await client.query<{ id: number }>(
    `INSERT INTO "User" ("username", "displayName", "passwordHash", "role", "sectionId", "updatedAt")
     VALUES ('bench', '基准测试', 'x', 'staff', $1, now())
     ON CONFLICT ("username") DO UPDATE SET "username" = EXCLUDED."username" RETURNING "id"`,
    [sectionIds[0]],
  );
  const categories = new Map((await client.query<{ slug: string; id: number }>(`SELECT "slug", "id" FROM "Category"`)).rows.map((row) => [row.slug, row.id]));
  return { authorId: user.rows[0].id, sectionIds, agencyCode: agency.rows[0].code, categories };
}

/**
 * Inserts `count` published items (ids in publication order do not matter): item n goes to
 * `placements[n % placements.length]`, by default the default agency's three sections.
 */
export async function insertSyntheticItems(
  connectionString: string,
  count: number,
  log: (line: string) => void,
  placements?: readonly ItemPlacement[],
): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const organisation = await ensureOrganisation(client);
    const { authorId, categories } = organisation;
    const where = placements?.length ? placements : [{ agencyCode: organisation.agencyCode, sectionIds: organisation.sectionIds }];
    const placementOf = (index: number) => where[index % where.length];
    const existing = Number((await client.query(`SELECT count(*) FROM "Item"`)).rows[0].count);
    for (let start = existing; start < count; start += BATCH) {
      const end = Math.min(count, start + BATCH);
      const items = Array.from({ length: end - start }, (_, offset) => syntheticItem(BENCH_SEED, start + offset));
      const placed = items.map((_, offset) => placementOf(start + offset));
      await client.query("BEGIN");
      const inserted = await client.query<{ id: number }>(
        `INSERT INTO "Item" ("indexNumber", "state", "sectionId", "authorId", "publishedAt", "lastPublishedAt", "publishedOnTime", "createdAt", "updatedAt")
         SELECT n, 'published', s, $3, p, p, true, p, p FROM unnest($1::text[], $4::timestamptz[], $2::int[]) AS u(n, p, s)
         RETURNING "id"`,
        [
          items.map((item, offset) => `${placed[offset].agencyCode}/${item.publishedAt.getUTCFullYear()}-B${String(start + offset + 1).padStart(7, "0")}`),
          placed.map((placement) => placement.sectionIds[0]),
          authorId,
          items.map((item) => item.publishedAt.toISOString()),
        ],
      );
      const ids = inserted.rows.map((row) => row.id);
      const revisions = await client.query<{ id: number; itemId: number }>(
        `INSERT INTO "ItemRevision" ("itemId", "number", "title", "body", "bodyText", "categoryId", "issuingSectionId", "documentNumber",
                                     "writtenAt", "formedAt", "validity", "channels", "keywords", "createdById", "createdAt")
         SELECT i, 1, t, b, bt, c, s, d, f, f, v::"ItemValidity", ARRAY['website'], ARRAY[]::text[], $10, f
           FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::date[], $9::text[])
             AS u(i, t, b, bt, c, s, d, f, v)
         RETURNING "id", "itemId"`,
        [
          ids,
          items.map((item) => item.title),
          items.map((item) => item.paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join("")),
          items.map((item) => item.paragraphs.join("\n")),
          items.map((item) => categories.get(item.categorySlug) ?? categories.values().next().value),
          items.map((item, offset) => {
            const { sectionIds } = placed[offset];
            return item.issuingSection === null ? null : sectionIds[item.issuingSection % sectionIds.length];
          }),
          items.map((item) => item.documentNumber),
          items.map((item) => new Date(item.publishedAt.getTime() - 3 * 86_400_000).toISOString().slice(0, 10)),
          items.map((item) => item.validity),
          authorId,
        ],
      );
      await client.query(
        `UPDATE "Item" SET "latestRevisionId" = u.r, "publishedRevisionId" = u.r FROM unnest($1::int[], $2::int[]) AS u(i, r) WHERE "Item"."id" = u.i`,
        [revisions.rows.map((row) => row.itemId), revisions.rows.map((row) => row.id)],
      );
      await client.query(
        `INSERT INTO "PublicContentVersion" ("id", "token") VALUES (1, md5(random()::text)) ON CONFLICT ("id") DO UPDATE SET "token" = EXCLUDED."token"`,
      );
      await client.query("COMMIT");
      if (end % 20_000 === 0 || end === count) log(`  ${end.toLocaleString("en")} items`);
    }
  } finally {
    await client.end();
  }
}

export async function vacuumAnalyze(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`VACUUM ANALYZE`);
  } finally {
    await client.end();
  }
}
