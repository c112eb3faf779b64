import { expect, test } from "@playwright/test";
import { axeOn } from "./support/axe";

// Runs against the demo data (the seed office's 2017 column).

test("a visitor searches in two characters, sees highlighted results, narrows them, and gets a friendly empty state", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox").first().fill("牌匾");
  await page.getByRole("button", { name: "搜索" }).first().click();
  await expect(page).toHaveURL(/\/search\?q=%E7%89%8C%E5%8C%BE/);
  await expect(page.getByTestId("result-count")).toContainText("“牌匾”的搜索结果：共");
  const results = page.getByTestId("search-results").getByRole("listitem");
  expect(await results.count()).toBeGreaterThan(1);
  // Every result shows the word highlighted in its title or snippet.
  for (const result of await results.all()) await expect(result.locator("mark", { hasText: "牌匾" }).first()).toBeVisible();

  // The issuing-body filter narrows the results; the choice is kept in the form and the links.
  await page.getByLabel("发布机构").selectOption({ label: "绥芬河市城市管理和综合行政执法局市容环境管理科" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/issuingBody=\d+/);
  await expect(page.getByLabel("发布机构")).toHaveValue(/\d+/);
  for (const result of await results.all()) await expect(result).toContainText("市容环境管理科");

  // Date order: newest first.
  await page.getByLabel("排序").selectOption("date");
  await page.getByRole("button", { name: "筛选" }).click();
  const dates = await page.getByTestId("search-results").locator("time").allTextContents();
  expect(dates).toEqual([...dates].sort().reverse());

  const accessibility = await axeOn(page).analyze();
  expect(accessibility.violations).toEqual([]);

  await page.goto("/search?q=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA%E8%AF%8D%E8%AF%AD");
  await expect(page.getByTestId("search-empty")).toContainText("没有找到相关结果");
  await expect(page.getByRole("link", { name: "浏览公开目录" })).toBeVisible();
});

test("a traditional-character query finds simplified text; a quoted phrase must appear whole", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("戶外廣告")}`);
  await expect(page.getByTestId("result-count")).not.toContainText("共 0 条");
  await expect(page.getByTestId("search-results").locator("mark", { hasText: "户外广告" }).first()).toBeVisible();

  await page.goto(`/search?q=${encodeURIComponent("“双随机”")}`);
  const snippets = page.getByTestId("search-results").getByRole("listitem");
  expect(await snippets.count()).toBeGreaterThan(0);
  for (const result of await snippets.all()) await expect(result.locator("mark", { hasText: "双随机" }).first()).toBeVisible();
});

test("the search API: exact contract, CORS, ETag and 304, 422 for bad parameters", async ({ request }) => {
  const response = await request.get(`/api/v1/search?q=${encodeURIComponent("广告")}&pageSize=5`);
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["access-control-allow-origin"]).toBe("*");
  expect(headers["cache-control"]).toMatch(/s-maxage=\d+, stale-while-revalidate=\d+/);
  const body = await response.json();
  expect(Object.keys(body)).toEqual(["total", "results"]);
  expect(body.results.length).toBeGreaterThan(0);
  expect(body.results.length).toBeLessThanOrEqual(5);
  expect(Object.keys(body.results[0])).toEqual(["type", "id", "title", "snippet", "url", "publishedAt", "agencyCode"]);
  // The search covers the whole platform (集约化); each result names its agency.
  expect(body.results[0].agencyCode).toBe("SFHCGJ");
  expect(body.results[0].snippet).toContain("<mark>广告</mark>");

  const notModified = await request.get(`/api/v1/search?q=${encodeURIComponent("广告")}&pageSize=5`, { headers: { "If-None-Match": headers.etag } });
  expect(notModified.status()).toBe(304);

  const invalid = await request.get("/api/v1/search?q=%E5%B9%BF%E5%91%8A&pageSize=1000");
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).error.fields.pageSize).toBeTruthy();

  const preflight = await request.fetch("/api/v1/items", {
    method: "OPTIONS",
    headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET" },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
});

test("public pages carry an ETag from the content version and answer 304 without rendering", async ({ request }) => {
  const first = await request.get("/catalogue/statutory");
  expect(first.status()).toBe(200);
  expect(first.headers()["cache-control"]).toMatch(/^public, .*s-maxage=\d+, stale-while-revalidate=\d+/);
  const tag = first.headers().etag;
  expect(tag).toBeTruthy();
  const again = await request.get("/catalogue/statutory", { headers: { "If-None-Match": tag } });
  expect(again.status()).toBe(304);
  // Personal and form pages are never marked public.
  const apply = await request.get("/apply");
  expect(apply.headers()["cache-control"] ?? "").not.toMatch(/public/);
});

test("feeds, sitemap, robots.txt, OpenAPI and spreadsheet exports", async ({ request }) => {
  const rss = await request.get("/feeds/rss.xml");
  expect(rss.headers()["content-type"]).toContain("application/rss+xml");
  expect(await rss.text()).toContain('<rss version="2.0"');
  const atom = await request.get("/feeds/catalogue/licensing/atom.xml");
  expect(atom.headers()["content-type"]).toContain("application/atom+xml");
  expect(await atom.text()).toContain("户外设施设置行政许可结果公示");

  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain("<urlset");
  expect(sitemap).toMatch(/<loc>http:\/\/localhost:\d+\/items\/\d+<\/loc>/);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("Disallow: /admin");
  expect(robots).toMatch(/Sitemap: http:\/\/localhost:\d+\/sitemap.xml/);

  const openapi = await (await request.get("/api/v1/openapi.json")).json();
  expect(openapi.openapi).toMatch(/^3\./);
  expect(openapi.paths["/api/v1/search"].get.parameters.map((parameter: { name: string }) => parameter.name)).toContain("q");

  const xlsx = await request.get("/api/v1/export/items.xlsx?year=2017");
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
  const csv = await request.get("/api/v1/export/items.csv?category=licensing");
  const text = (await csv.body()).toString("utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain("户外设施设置行政许可结果公示（第1批）");
});
