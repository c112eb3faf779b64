import assert from "node:assert/strict";
import { test } from "node:test";
import pg from "pg";
import { applyMigrations } from "@/lib/database/migrate";
import { foldForSearch, indexKeysOf, termKey } from "@/lib/search/text/normalize";
import { applyMigrationsBefore, createEmptyDatabase, migrationsDir } from "../support/test-database";

const TERM_KEYS_MIGRATION = "20261222100000_search_term_keys";

/** Index terms as the text columns held them before the migration: every word character and pair, each once, as strings. */
function textTermsOf(folded: string): string[] {
  const terms = new Set<string>();
  let previous = "";
  for (const character of folded) {
    if (!/[\p{L}\p{N}]/u.test(character)) {
      previous = "";
      continue;
    }
    terms.add(character);
    if (previous) terms.add(previous + character);
    previous = character;
  }
  return [...terms];
}

test("migration 20261222100000 turns stored text terms into the keys the engine now writes, keeping the columns' storage and statistics", async () => {
  const database = await createEmptyDatabase();
  const client = new pg.Client({ connectionString: database.url });
  try {
    await applyMigrationsBefore(database.url, TERM_KEYS_MIGRATION);
    await client.connect();
    // Documents as an installation from before holds them: CJK, Latin letters and digits, a
    // character beyond the BMP, a traditional title (folded), and a row whose term arrays are NULL.
    const documents = [
      { title: "關於加強戶外廣告管理的通知", body: "城管执法局〔2017〕3号 PM2.5 𠀀𠀁字" },
      { title: "城市管理", body: "城市管理，城市管理。" },
    ];
    for (const [index, { title, body }] of documents.entries()) {
      const titleText = foldForSearch(title);
      const searchText = foldForSearch(`${title}\n${body}`);
      await client.query(
        `INSERT INTO "SearchDocument" ("type", "sourceId", "sourceVersion", "title", "titleText", "content", "searchText", "terms", "titleTerms", "url", "publishedAt", "agencyId")
         VALUES ('item', $1, '1', $2, $3, $4, $5, $6, $7, '/items/1', '2026-12-02T02:00:00Z', 1)`,
        [index + 1, title, titleText, body, searchText, textTermsOf(searchText), textTermsOf(titleText)],
      );
    }
    await client.query(
      `INSERT INTO "SearchDocument" ("type", "sourceId", "sourceVersion", "title", "titleText", "content", "searchText", "url", "publishedAt", "agencyId")
       VALUES ('item', 99, '1', '空', '空', '', '空', '/items/99', '2026-12-02T02:00:00Z', 1)`,
    );

    await applyMigrations(database.url, migrationsDir);

    const { rows } = await client.query<{ sourceId: number; searchText: string; titleText: string; terms: string[] | null; titleTerms: string[] | null }>(
      `SELECT "sourceId", "searchText", "titleText", "terms"::text[] AS "terms", "titleTerms"::text[] AS "titleTerms" FROM "SearchDocument" ORDER BY "sourceId"`,
    );
    for (const row of rows.filter((row) => row.sourceId !== 99)) {
      assert.deepEqual(row.terms?.map(Number), indexKeysOf(row.searchText), `terms of ${row.sourceId}`);
      assert.deepEqual(row.titleTerms?.map(Number), indexKeysOf(row.titleText), `title terms of ${row.sourceId}`);
    }
    assert.deepEqual(
      rows.filter((row) => row.sourceId === 99).map((row) => [row.terms, row.titleTerms]),
      [[null, null]],
    );
    // The GIN index answers the engine's lookups: a pair, a character beyond the BMP, a digit pair.
    const holding = async (...terms: string[]) =>
      (
        await client.query<{ sourceId: number }>(`SELECT "sourceId" FROM "SearchDocument" WHERE "terms" @> $1::int8[] ORDER BY 1`, [terms.map(termKey)])
      ).rows.map((row) => row.sourceId);
    assert.deepEqual(await holding("城管"), [1]);
    assert.deepEqual(await holding("城市", "管理"), [2]);
    assert.deepEqual(await holding("𠀀𠀁"), [1]);
    assert.deepEqual(await holding("广告"), [1], "the traditional title was folded before it was indexed");
    const columns = await client.query<{ attname: string; type: string; attstorage: string; attstattarget: number }>(
      `SELECT attname, format_type(atttypid, atttypmod) AS "type", attstorage, attstattarget FROM pg_attribute
        WHERE attrelid = '"SearchDocument"'::regclass AND attname IN ('terms', 'titleTerms') ORDER BY attname`,
    );
    assert.deepEqual(columns.rows, [
      { attname: "terms", type: "bigint[]", attstorage: "e", attstattarget: 1000 },
      { attname: "titleTerms", type: "bigint[]", attstorage: "e", attstattarget: 1000 },
    ]);
    const helper = await client.query(`SELECT 1 FROM pg_proc WHERE proname = 'gongkai_search_term_keys'`);
    assert.equal(helper.rowCount, 0, "the conversion function is dropped");
  } finally {
    await client.end().catch(() => undefined);
    await database.drop();
  }
});
