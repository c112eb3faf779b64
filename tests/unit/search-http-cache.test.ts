import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ValidationError } from "../../lib/errors";
import { cacheableResponse, cacheControlOf, entityTagOf, matchesIfNoneMatch } from "../../lib/http-cache/http-cache";
import { isCacheablePublicPage, pageEntityTag } from "../../lib/http-cache/public-pages";
import { isOpenDataPath } from "../../lib/open-data/cors";
import { readPaging } from "../../lib/open-data/paging";

describe("HTTP caching", () => {
  test("Cache-Control lets shared caches keep and revalidate public responses", () => {
    assert.equal(cacheControlOf({ maxAge: 0, sMaxAge: 60, staleWhileRevalidate: 300 }), "public, max-age=0, s-maxage=60, stale-while-revalidate=300");
  });

  test("If-None-Match: lists, weak tags and * match; other tags do not", () => {
    const tag = entityTagOf("body");
    assert.equal(tag, entityTagOf("body"));
    assert.notEqual(tag, entityTagOf("body2"));
    assert.ok(matchesIfNoneMatch(`"x", ${tag}`, tag));
    assert.ok(matchesIfNoneMatch(`W/${tag}`, tag));
    assert.ok(matchesIfNoneMatch("*", tag));
    assert.ok(!matchesIfNoneMatch(`"other"`, tag));
    assert.ok(!matchesIfNoneMatch(null, tag));
  });

  test("a cacheable response answers a matching conditional request with 304 and no body", async () => {
    const first = cacheableResponse(new Request("http://x/a"), "{}", { "Content-Type": "application/json" });
    assert.equal(first.status, 200);
    assert.equal(await first.text(), "{}");
    const tag = first.headers.get("etag")!;
    const second = cacheableResponse(new Request("http://x/a", { headers: { "If-None-Match": tag } }), "{}", { "Content-Type": "application/json" });
    assert.equal(second.status, 304);
    assert.equal(await second.text(), "");
    assert.equal(second.headers.get("etag"), tag);
    assert.equal(second.headers.get("content-type"), null);
    assert.match(second.headers.get("cache-control")!, /s-maxage=\d+/);
  });

  test("public pages are cached; forms, personal pages, the console and RSC payloads are not", () => {
    const plain = new Headers();
    const cacheable = (path: string, headers = plain, search = "") => isCacheablePublicPage("GET", path, headers, new URLSearchParams(search));
    for (const path of [
      "/",
      "/catalogue/statutory",
      "/items/12",
      "/search",
      "/powers",
      "/decisions/3",
      "/reports/annual/2017",
      "/agencies",
      "/agencies/SFHCGJ",
    ])
      assert.ok(cacheable(path), path);
    for (const path of [
      "/apply",
      "/applications",
      "/feedback/new",
      "/login",
      "/admin/items",
      "/items/12/edit",
      "/api/v1/items",
      "/services/3/forms/4",
      "/proposals/files/5",
      "/reports/annual/2017/download/docx",
    ])
      assert.ok(!cacheable(path), path);
    assert.ok(!cacheable("/items/12", new Headers({ RSC: "1" })));
    assert.ok(!cacheable("/items/12", plain, "_rsc=abc"));
    assert.ok(!isCacheablePublicPage("POST", "/items/12", plain, new URLSearchParams()));
  });

  test("a page's tag changes with the content version and the address", () => {
    const url = new URL("http://x/items/1?a=1");
    assert.equal(pageEntityTag("v1", url), pageEntityTag("v1", new URL("http://x/items/1?a=1")));
    assert.notEqual(pageEntityTag("v1", url), pageEntityTag("v2", url));
    assert.notEqual(pageEntityTag("v1", url), pageEntityTag("v1", new URL("http://x/items/1?a=2")));
  });
});

describe("open data", () => {
  test("the open-data API is everything under /api/v1 except the console and the signed-in user", () => {
    assert.ok(isOpenDataPath("/api/v1/search"));
    assert.ok(isOpenDataPath("/api/v1/items/3"));
    assert.ok(!isOpenDataPath("/api/v1/admin/items"));
    assert.ok(!isOpenDataPath("/api/v1/me"));
    assert.ok(!isOpenDataPath("/api/health"));
  });

  test("paging: page from 1, pageSize 1–100, defaults 1 and 20; anything else is a 422 naming the parameter", () => {
    assert.deepEqual(readPaging(new URLSearchParams("")), { page: 1, pageSize: 20 });
    assert.deepEqual(readPaging(new URLSearchParams("page=3&pageSize=100")), { page: 3, pageSize: 100 });
    for (const [query, field] of [
      ["page=0", "page"],
      ["page=-1", "page"],
      ["page=x", "page"],
      ["pageSize=101", "pageSize"],
      ["pageSize=0", "pageSize"],
      ["pageSize=2.5", "pageSize"],
    ]) {
      assert.throws(
        () => readPaging(new URLSearchParams(query)),
        (error: unknown) => error instanceof ValidationError && Object.keys(error.fields).includes(field),
        query,
      );
    }
  });
});
