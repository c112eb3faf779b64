import { expect, test } from "@playwright/test";
import { logIn, logOut } from "./support/session";

const bureau = "绥芬河市城市管理和综合行政执法局";

test("the public directory lists the bureau under 部门信息公开; its column shows its contact, and an unknown code is 404", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "机关导航" }).click();
  await expect(page).toHaveURL(/\/agencies$/);
  await expect(page.getByRole("region", { name: "本级政府信息公开" }).getByRole("link", { name: "绥芬河市人民政府" })).toBeVisible();
  const departments = page.getByRole("region", { name: "部门信息公开" });
  await departments.getByRole("link", { name: bureau }).click();

  await expect(page).toHaveURL(/\/agencies\/SFHCGJ$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(bureau);
  const contact = page.getByTestId("agency-column-contact");
  await expect(contact).toContainText("绥芬河市永福街39号");
  await expect(contact).toContainText("157399");
  await expect(contact).toContainText("工作日 8:30—11:30，13:30—17:00");
  await expect(contact).toContainText("综合科");
  await expect(page.getByTestId("agency-column-leading-group")).toContainText("组长：王韶波（局长）");
  await expect(page.getByRole("link", { name: "政府信息公开指南" })).toHaveAttribute("href", "/catalogue/guide");
  await expect(page.getByRole("link", { name: "依申请公开" }).last()).toHaveAttribute("href", "/apply");

  // The code in the address is matched whatever its case; a code no agency has is not found.
  expect((await page.goto("/agencies/sfhcgj"))?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(bureau);
  expect((await page.goto("/agencies/NO-SUCH-AGENCY"))?.status()).toBe(404);
});

test("the directory filters by name without JavaScript, and an agency's column links its own feeds", async ({ browser }) => {
  // The filter is a plain GET form: it works with scripts off.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/agencies");
  await expect(page.getByRole("region", { name: "部门信息公开" }).getByTestId("agency-kind-count")).toHaveText(/^共 \d+ 个$/);
  const filter = page.getByRole("search", { name: "查找机关" });
  await filter.getByLabel("机关名称").fill("教育");
  await filter.getByRole("button", { name: "查找" }).click();
  await expect(page).toHaveURL(/\/agencies\?q=%E6%95%99%E8%82%B2$/);
  await expect(page.getByTestId("agency-filter-result")).toContainText("名称含“教育”的机关共 1 个。");
  const departments = page.getByRole("region", { name: "部门信息公开" });
  await expect(departments.getByRole("link")).toHaveCount(1);
  await expect(page.getByRole("region", { name: "本级政府信息公开" })).toHaveCount(0);
  await departments.getByRole("link", { name: "绥芬河市教育局（演示）" }).click();

  await expect(page).toHaveURL(/\/agencies\/SFHJYJ$/);
  const feeds = page.getByTestId("agency-column-feeds");
  await expect(feeds.getByRole("link", { name: "RSS 订阅" })).toHaveAttribute("href", "/feeds/rss.xml?agency=SFHJYJ");
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]').first()).toHaveAttribute("href", /\/feeds\/atom\.xml\?agency=SFHJYJ$/);
  const feed = await page.request.get("/feeds/rss.xml?agency=SFHJYJ");
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain("<title>绥芬河市教育局（演示） · 政府信息公开</title>");
  expect((await page.request.get("/feeds/rss.xml?agency=NO-SUCH")).status()).toBe(404);
  await context.close();
});

test("the platform administrator adds an agency: it is in /api/v1/agencies and in the directory", async ({ page, request }) => {
  await logIn(page, "platform");
  await page.getByRole("navigation", { name: "工作台导航" }).getByRole("link", { name: "机关管理" }).click();
  await expect(page.getByTestId("agency-table")).toContainText(bureau);

  const form = page.getByRole("form", { name: "新增机关" });
  await form.getByLabel("机关代码").fill("sfh-syz");
  await form.getByLabel("机关类别").selectOption({ label: "乡镇（街道）" });
  await form.getByLabel("上级机关").selectOption({ label: "绥芬河市人民政府（SFHZF）" });
  await form.getByLabel("机关全称").fill("绥芬河市绥芬河镇人民政府");
  await form.getByLabel("简称").fill("绥芬河镇");
  await form.getByLabel("地址").fill("绥芬河市绥芬河镇政府街1号");
  await form.getByLabel("邮编").fill("15730");
  await form.getByLabel("电子邮箱").fill("sfhz@example.gov.cn");
  await form.getByRole("button", { name: "新增机关" }).click();
  // A refused field says why beside it and keeps what was typed.
  await expect(form.getByTestId("error-postcode")).toHaveText("邮编应为 6 位数字。");
  await expect(form.getByLabel("机关全称")).toHaveValue("绥芬河市绥芬河镇人民政府");
  await form.getByLabel("邮编").fill("157300");
  await form.getByRole("button", { name: "新增机关" }).click();
  await expect(form.getByTestId("form-success")).toHaveText("已新增机关：绥芬河市绥芬河镇人民政府。");
  await expect(page.getByTestId("agency-table")).toContainText("SFH-SYZ");

  const listed = (await (await request.get("/api/v1/agencies")).json()) as { items: { code: string; name: string; kind: string; parentCode: string }[] };
  expect(listed.items).toContainEqual(expect.objectContaining({ code: "SFH-SYZ", name: "绥芬河市绥芬河镇人民政府", kind: "town", parentCode: "SFHZF" }));

  await page.goto("/agencies");
  await page.getByRole("region", { name: "乡镇（街道）信息公开" }).getByRole("link", { name: "绥芬河市绥芬河镇人民政府" }).click();
  await expect(page.getByTestId("agency-column-contact")).toContainText("绥芬河市绥芬河镇政府街1号");
});

test("the bureau's administrator edits its own office hours, and another agency's page is 404 to it", async ({ page }) => {
  await logIn(page, "admin");
  await page.getByRole("navigation", { name: "工作台导航" }).getByRole("link", { name: "本机关信息" }).click();
  await expect(page).toHaveURL(/\/admin\/agencies\/SFHCGJ$/);
  // Where the agency stands on the platform is the platform administrator's to set.
  await expect(page.getByLabel("机关类别")).toHaveCount(0);
  await expect(page.getByLabel("上级机关")).toHaveCount(0);
  await page.getByLabel("办公时间").fill("工作日 9:00—12:00，14:00—17:30");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("form-success")).toHaveText("已保存。");

  await page.goto("/agencies/SFHCGJ");
  await expect(page.getByTestId("agency-column-contact")).toContainText("工作日 9:00—12:00，14:00—17:30");

  expect((await page.goto("/admin/agencies/SFHZF"))?.status()).toBe(404);
  expect((await page.goto("/admin/agencies"))?.status()).toBe(403);
  await page.goto("/admin");
  await logOut(page);
});

test("the supervisor opens an agency's report workspace from the 年报汇总, the platform administrator sees the names only; an agency's own staff may not name another agency", async ({
  page,
}) => {
  await logIn(page, "supervisor");
  await page.goto("/admin/reports/summary?year=2026");
  await page
    .getByTestId("summary-agencies")
    .getByRole("link", { name: /绥芬河市教育局/ })
    .click();
  await expect(page).toHaveURL(/\/admin\/reports\/2026\?agency=SFHJYJ$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("绥芬河市教育局");
  expect((await page.goto("/admin/reports/2026?agency=NO-SUCH"))?.status()).toBe(404);
  await page.goto("/admin");
  await logOut(page);

  // The platform administrator reads the summary but not the reports: the names are plain text, no dead links.
  await logIn(page, "platform");
  await page.goto("/admin/reports/summary?year=2026");
  await expect(page.getByTestId("summary-agencies")).toContainText("绥芬河市教育局");
  await expect(page.getByTestId("summary-agencies").getByRole("link", { name: /绥芬河市教育局/ })).toHaveCount(0);
  await page.goto("/admin");
  await logOut(page);

  await logIn(page, "staff");
  expect((await page.goto("/admin/reports/2026?agency=SFHJYJ"))?.status()).toBe(404);
  await page.goto("/admin/reports/2026?agency=SFHCGJ");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(bureau);
  await page.goto("/admin");
  await logOut(page);
});
