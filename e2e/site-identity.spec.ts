import { expect, test, type Page } from "@playwright/test";
import { logIn } from "./support/session";

const agency = "绥芬河市城市管理和综合行政执法局";
const columns = "政府信息公开|依申请公开|互动交流|政务服务";
/** 页面－栏目－机构名 (a page that is its column's own page reads 栏目－机构名). */
const titlePattern = new RegExp(`^(?:[^－]+(?:－[^－]+)*－)?(?:${columns})－${agency}$`);

/** The first link on a list page whose address matches, e.g. the first published item. */
async function firstLink(page: Page, listPath: string, pattern: RegExp): Promise<string> {
  await page.goto(listPath);
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const href = hrefs.find((candidate) => pattern.test(candidate));
  expect(href, `a link like ${pattern} on ${listPath}`).toBeTruthy();
  return href!;
}

async function metaTag(page: Page, name: string): Promise<string | null> {
  const tag = page.locator(`head meta[name="${name}"]`);
  return (await tag.count()) ? tag.first().getAttribute("content") : null;
}

test("every public page has a 页面－栏目－机构名 title, the government-website meta tags, the feeds, and the 备案 footer", async ({ page }) => {
  const routes = [
    "/",
    "/catalogue/statutory",
    await firstLink(page, "/catalogue/statutory", /^\/items\/\d+$/),
    "/search?q=城市管理",
    "/apply",
    "/applications",
    "/feedback",
    "/feedback/new",
    "/powers",
    "/powers/changes",
    await firstLink(page, "/powers", /^\/powers\/\d+$/),
    "/services",
    await firstLink(page, "/services", /^\/services\/\d+$/),
    "/decisions",
    await firstLink(page, "/decisions", /^\/decisions\/\d+$/),
    "/inspections",
    await firstLink(page, "/inspections", /^\/inspections\/\d+$/),
    "/proposals",
    "/reports/annual",
    await firstLink(page, "/reports/annual", /^\/reports\/annual\/\d{4}$/),
    "/site-map",
  ];
  for (const route of routes) {
    const response = await page.goto(route);
    expect(response?.status(), route).toBe(200);
    expect(await page.title(), route).toMatch(titlePattern);
    expect(await metaTag(page, "SiteName"), route).toBe(agency);
    expect(await metaTag(page, "SiteDomain"), route).toBe("zjj.suifenhe.gov.cn");
    expect(await metaTag(page, "SiteIDCode"), route).toBe("2310810016");
    expect(await metaTag(page, "ColumnName"), route).toBeTruthy();
    expect(await metaTag(page, "ColumnType"), route).toBeTruthy();
    await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]').first(), route).toHaveAttribute("href", /\/feeds\/rss\.xml$/);
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]').first(), route).toHaveAttribute("href", /\/feeds\/atom\.xml$/);

    const footer = page.getByRole("contentinfo");
    await expect(footer.getByTestId("site-records"), route).toContainText("网站标识码：2310810016");
    await expect(footer.getByRole("link", { name: "黑ICP备05002436号-1" }), route).toHaveAttribute("href", "https://beian.miit.gov.cn/");
    await expect(footer.getByRole("link", { name: "黑公网安备23108102000107号" }), route).toHaveAttribute(
      "href",
      "https://beian.mps.gov.cn/#/query/webSearch?code=23108102000107",
    );
    await expect(footer.getByTestId("site-sponsor"), route).toContainText(`主办单位：${agency}`);
    await expect(footer.getByRole("link", { name: "网站地图" }), route).toBeVisible();
    await expect(footer.getByRole("link", { name: "党政机关网站标识" }), route).toHaveAttribute(
      "href",
      /^https:\/\/bszs\.conac\.cn\/sitename\?method=show&id=/,
    );
    // The staff console is not advertised to the public.
    await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "工作台" }), route).toHaveCount(0);
    await expect(page.locator('header a[href^="/admin"]'), route).toHaveCount(0);
  }
});

test("an item page carries its own ArticleTitle, PubDate, ContentSource, Description and Url", async ({ page }) => {
  // A demo item (机构职能): other specs publish short test items that may come first in the full catalogue.
  const itemPath = await firstLink(page, "/catalogue/functions", /^\/items\/\d+$/);
  await page.goto(itemPath);
  const heading = (await page.getByRole("heading", { level: 1 }).first().innerText()).trim();
  expect(await page.title()).toBe(`${heading}－政府信息公开－${agency}`);
  expect(await metaTag(page, "ArticleTitle")).toBe(heading);
  expect(await metaTag(page, "PubDate")).toMatch(/^\d{4}-\d{2}-\d{2}/);
  expect(await metaTag(page, "ContentSource")).toContain(agency);
  expect((await metaTag(page, "Description"))?.length).toBeGreaterThan(10);
  expect(await metaTag(page, "Url")).toMatch(new RegExp(`${itemPath.replace(/\//g, "\\/")}$`));
  expect(await metaTag(page, "ColumnName")).not.toBe("政府信息公开");
});

test("a register entry's page (power, service guide, 双公示 decision, 双随机 task, proposal reply, annual report) carries its own article tags", async ({
  page,
}) => {
  const pages = [
    await firstLink(page, "/powers", /^\/powers\/\d+$/),
    await firstLink(page, "/services", /^\/services\/\d+$/),
    await firstLink(page, "/decisions", /^\/decisions\/\d+$/),
    await firstLink(page, "/inspections", /^\/inspections\/\d+$/),
    await firstLink(page, "/proposals", /^\/proposals\/\d+$/),
    "/reports/annual/2017",
  ];
  for (const path of pages) {
    await page.goto(path);
    const heading = (await page.getByRole("heading", { level: 1 }).first().innerText()).trim();
    const title = await metaTag(page, "ArticleTitle");
    expect(title, path).toBeTruthy();
    // The article is the page's own record: its title is the heading (a decision's heading adds nothing it lacks).
    expect(heading.includes(title!) || title!.includes(heading), `${path}: ${title} / ${heading}`).toBe(true);
    expect(await metaTag(page, "PubDate"), path).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(await metaTag(page, "ContentSource"), path).toBeTruthy();
    expect((await metaTag(page, "Description"))?.length, path).toBeGreaterThan(5);
    expect(await metaTag(page, "Url"), path).toMatch(new RegExp(`${path.replace(/\//g, "\\/")}$`));
  }
});

test("/favicon.ico answers with an icon, and the pages link it", async ({ page, request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  const bytes = await response.body();
  expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  await page.goto("/");
  await expect(page.locator('head link[rel="icon"]').first()).toHaveAttribute("href", /\/favicon\.ico/);
});

test("the administrator edits the site identity; a bad 网站标识码 is a field error; an uploaded emblem shows in the header and as the icon", async ({
  page,
}) => {
  await logIn(page, "admin");
  await page.getByRole("navigation", { name: "工作台导航" }).getByRole("link", { name: "网站标识" }).click();
  const form = page.getByRole("form", { name: "网站标识与备案信息" });
  await form.getByLabel("网站标识码").fill("12345");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("error-siteIdCode")).toContainText("10 位");

  await form.getByLabel("网站标识码").fill("2310810016");
  await form.getByLabel("徽标（国徽或机构标志）").setInputFiles({
    name: "emblem.png",
    mimeType: "image/png",
    buffer: Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFElEQVR4nGPYKSPz/+tRif8MMAYAUd0Jg1F9dR8AAAAASUVORK5CYII=", "base64"),
  });
  await form.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("form-success")).toContainText("网站标识已保存");

  await page.goto("/");
  const emblem = page.getByRole("banner").getByTestId("site-emblem");
  await expect(emblem).toHaveAttribute("src", /^\/site-logo\/[0-9a-f]{16}\.png$/);
  const logoUrl = (await emblem.getAttribute("src"))!;
  await expect(page.locator('head link[rel="icon"]').first()).toHaveAttribute("href", new RegExp(logoUrl.replace(/[.]/g, "\\.")));
  const logo = await page.request.get(logoUrl);
  expect(logo.status()).toBe(200);
  expect(logo.headers()["content-type"]).toBe("image/png");

  // Back to the drawn emblem, so the other specs see the demo installation as it was.
  await page.goto("/admin/site-identity");
  await page.getByRole("form", { name: "网站标识与备案信息" }).getByLabel("删除现有徽标").check();
  await page.getByRole("form", { name: "网站标识与备案信息" }).getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("form-success")).toBeVisible();
});
