import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { parseConfig } from "../../lib/config";
import { createContentVersionReader } from "../../lib/runtime/content-version-reader";
import { acceptsGzip, bodyWithNonce, cutAtNonce, gzipPiecesOf, gzipWithNonce, nonceOfPolicy, PageCache } from "../../lib/runtime/page-cache";
import { pageCacheSettingsFrom } from "../../lib/runtime/page-cache-handler";
import { webConcurrencyFrom } from "../../lib/runtime/web-concurrency";

const page = (body: string) => ({
  status: 200,
  headers: [["content-type", "text/html"]] as [string, string][],
  segments: [Buffer.from(body)],
  entityTag: undefined,
});

describe("the page cache", () => {
  test("a page is kept as a template: every occurrence of its nonce is replaced by the next answer's", () => {
    const rendered = Buffer.from('<script nonce="AAA+/=">1</script><p>AAA+/=</p><script nonce="AAA+/=">2</script>');
    const segments = cutAtNonce(rendered, "AAA+/=");
    assert.equal(segments.length, 4);
    const answer = bodyWithNonce(segments, "BBBnew").toString();
    assert.equal(answer, '<script nonce="BBBnew">1</script><p>BBBnew</p><script nonce="BBBnew">2</script>');
    assert.ok(!answer.includes("AAA"));
    assert.equal(nonceOfPolicy("default-src 'self'; script-src 'self' 'nonce-Zm9v+Yg==' 'strict-dynamic'"), "Zm9v+Yg==");
    assert.equal(nonceOfPolicy("default-src 'self'"), undefined);
  });

  test("a gzip answer is put together from pieces compressed once, with the new nonce, and decompresses to the page", () => {
    const page = Buffer.from(
      `<html>${"<p>政府信息公开</p>".repeat(2_000)}<script nonce="OLD">a</script>${"x".repeat(70_000)}<script nonce="OLD">b</script></html>`,
    );
    const segments = cutAtNonce(page, "OLD");
    const pieces = gzipPiecesOf(segments);
    for (const nonce of ["Zm9vYmFyYmF6cXV4+/==", "c2Vjb25k"]) {
      const plain = bodyWithNonce(segments, nonce);
      const compressed = gzipWithNonce(pieces, plain, nonce);
      assert.deepEqual(gunzipSync(compressed), plain);
      assert.ok(compressed.length < plain.length / 10, `${compressed.length} of ${plain.length} bytes`);
    }
    assert.deepEqual(gunzipSync(gzipWithNonce(gzipPiecesOf([Buffer.from("no nonce")]), Buffer.from("no nonce"), "N")), Buffer.from("no nonce"));
    assert.ok(acceptsGzip("gzip, deflate, br"));
    assert.ok(acceptsGzip("br;q=1.0, gzip;q=0.8"));
    assert.ok(!acceptsGzip("gzip;q=0, br"));
    assert.ok(!acceptsGzip("br"));
    assert.ok(!acceptsGzip(undefined));
  });

  test("memory is bounded by bytes: the least recently used pages go first", () => {
    const cache = new PageCache({ maxBytes: 10_000, maxAgeMs: 60_000, now: () => 0 });
    cache.set("a", page("a".repeat(1_000)));
    cache.set("b", page("b".repeat(1_000)));
    assert.ok(cache.get("a"), "a is now the most recently used");
    for (let index = 0; index < 10; index++) cache.set(`filler-${index}`, page("x".repeat(1_000)));
    assert.ok(cache.bytes <= 10_000, `${cache.bytes} bytes kept`);
    assert.equal(cache.get("b"), undefined, "the least recently used page was dropped");
    assert.ok(cache.get("filler-9"), "the newest page is kept");
    assert.equal(cache.set("huge", page("h".repeat(5_000))), false, "one page may not take more than an eighth of the cache");
  });

  test("a page expires after the maximum age; clear() empties the cache", () => {
    let now = 0;
    const cache = new PageCache({ maxBytes: 1_000_000, maxAgeMs: 60_000, now: () => now });
    cache.set("a", page("a"));
    now = 59_000;
    assert.ok(cache.get("a"));
    now = 61_000;
    assert.equal(cache.get("a"), undefined);
    cache.set("b", page("b"));
    cache.clear();
    assert.equal(cache.size, 0);
    assert.equal(cache.bytes, 0);
  });

  test("PAGE_CACHE_MB sets the memory; a mistyped value is refused at start", () => {
    assert.equal(pageCacheSettingsFrom({}).maxMegabytes, 64);
    assert.equal(pageCacheSettingsFrom({}).versionCheckMs, 1000);
    assert.equal(pageCacheSettingsFrom({ PAGE_CACHE_MB: "0" }).maxMegabytes, 0);
    assert.equal(pageCacheSettingsFrom({ PAGE_CACHE_VERSION_CHECK_MS: "0" }).versionCheckMs, 0);
    assert.throws(() => pageCacheSettingsFrom({ PAGE_CACHE_MB: "lots" }), /PAGE_CACHE_MB/);
  });
});

describe("the content version as each web process reads it", () => {
  test("asked at most once per interval; concurrent requests share one read; an older read is never used", async () => {
    let now = 0;
    let reads = 0;
    let token = "v1";
    const read = createContentVersionReader({ intervalMs: 1_000, now: () => now, query: async () => (reads++, token) });
    assert.deepEqual(await Promise.all([read(), read(), read()]), ["v1", "v1", "v1"]);
    assert.equal(reads, 1);
    token = "v2";
    now = 999;
    assert.equal(await read(), "v1", "within the interval the last read is used");
    now = 1_000;
    assert.equal(await read(), "v2", "after it, the database is asked again");
    assert.equal(reads, 2);
  });

  test("a failed read answers null (nothing from the cache) and is retried by the next request", async () => {
    let fail = true;
    const read = createContentVersionReader({ intervalMs: 1_000, now: () => 0, query: async () => (fail ? Promise.reject(new Error("down")) : "v1") });
    assert.equal(await read(), null);
    fail = false;
    assert.equal(await read(), "v1");
  });
});

describe("WEB_CONCURRENCY", () => {
  test("defaults to one process per core; a mistyped value is refused", () => {
    assert.equal(webConcurrencyFrom(parseConfig({}).WEB_CONCURRENCY, 2), 2);
    assert.equal(webConcurrencyFrom(parseConfig({ WEB_CONCURRENCY: "3" }).WEB_CONCURRENCY, 2), 3);
    assert.throws(() => parseConfig({ WEB_CONCURRENCY: "two" }), /WEB_CONCURRENCY/);
    assert.throws(() => parseConfig({ WEB_CONCURRENCY: "0" }), /WEB_CONCURRENCY/);
  });
});
