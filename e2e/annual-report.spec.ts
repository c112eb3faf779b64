import { expect, test, type Browser, type Page } from "@playwright/test";
import { logIn } from "./support/session";
import { readDocxTables, readDocxText, readXlsxSheet } from "../tests/support/office-tables";

async function actAs(browser: Browser, username: string, action: string, before?: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, username);
  await page.goto("/admin/reports/2017");
  await before?.(page);
  await page.getByRole("form", { name: action }).getByRole("button", { name: action }).click();
  await expect(page.getByTestId("form-success")).toBeVisible();
  await context.close();
}

const title2017 = "绥芬河市城市管理和综合行政执法局2017年政府信息公开工作年度报告";

// Runs first: the next test publishes a correction of the same report.
test("the demo office's own 2017 report is published: its page, both downloads, and the index with 2017 and 2016", async ({ page, request }) => {
  await page.goto("/reports/annual");
  const list = page.getByTestId("report-list");
  await expect(list.getByRole("link")).toHaveText([title2017, "绥芬河市城市管理和综合行政执法局2016年政府信息公开工作年度报告"]);
  await expect(list).toContainText("2018-01-19");
  await list.getByRole("link", { name: /2016年/ }).click();
  await expect(page).toHaveURL(/\/items\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2016年政府信息公开工作年度报告");

  await page.goto("/reports/annual");
  await list.getByRole("link", { name: title2017 }).click();
  await expect(page).toHaveURL(/\/reports\/annual\/2017$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title2017);
  const report = page.getByTestId("annual-report");
  await expect(report).toContainText("2017年，我单位主动公开各类政府信息34条");
  await expect(report).toContainText("一是公开政府信息人员力量有些薄弱");
  await expect(report).toContainText("我单位政府信息公开工作没有发生相关收费和减免情况。");

  const docxHref = await page.getByRole("link", { name: "Word 文档" }).getAttribute("href");
  const docx = await request.get(docxHref!);
  expect(docx.status()).toBe(200);
  const docxBytes = await docx.body();
  expect(await readDocxText(docxBytes)).toContain("四、政府信息公开行政复议、行政诉讼情况");
  const table3 = (await readDocxTables(docxBytes)).find((table) => table.some((row) => row[0] === "一、本年新收政府信息公开申请数量"))!;
  expect(table3.find((row) => row[0] === "一、本年新收政府信息公开申请数量")!.slice(1)).toEqual(["0", "0", "0", "0", "0", "0", "0"]);
  expect(table3.find((row) => row[0] === "四、结转下年度继续办理")!.slice(1)).toEqual(["0", "0", "0", "0", "0", "0", "0"]);

  const xlsxHref = await page.getByRole("link", { name: "Excel 表格" }).getAttribute("href");
  const xlsx = await request.get(xlsxHref!);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  const sheet3 = await readXlsxSheet(await xlsx.body(), "表三 依申请公开");
  expect(sheet3[0][0]).toBe(title2017);
  expect(sheet3[4].slice(1)).toEqual(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]);
  expect(sheet3.find((row) => row[0] === "一、本年新收政府信息公开申请数量")!.slice(1)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  const sheet2 = await readXlsxSheet(await xlsx.body(), "表二 主动公开");
  expect(sheet2.find((row) => row[0] === "行政许可")!.slice(0, 2)).toEqual(["行政许可", 35]);
});

test("the 2017 report ends with its 落款 (agency and 2018年1月19日) and prints as the document alone, its title kept together", async ({ page }) => {
  await page.goto("/reports/annual/2017");
  await expect(page.getByTestId("report-signature")).toHaveText(/绥芬河市城市管理和综合行政执法局\s*2018年1月19日/);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("contentinfo")).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The title breaks between the agency's name and the rest: "报告" is never alone on the last line.
  const lineBoxes = await page.locator("#report-title > span").evaluateAll((spans) => spans.map((span) => span.getClientRects().length));
  expect(lineBoxes).toEqual([1, 1]);
});

test("a correction of the 2017 report is compiled from the demo data, reviewed, published and downloadable; the draft is never public", async ({
  page,
  browser,
  request,
}) => {
  await logIn(page, "staff");
  await page.goto("/admin/reports");
  await page.getByRole("link", { name: "打开 2017年度" }).click();
  await expect(page.getByTestId("checks-passed")).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText("Gongkai");
  await expect(page.getByTestId("checks-passed"), "a published report invites no submission").toHaveText("本年度报告已公开。如需修改，请编制更正版。");
  await expect(page.getByRole("heading", { name: "手工录入（本系统启用前的年度）" }), "2017 has live data: no manual entry").toHaveCount(0);
  await page.getByRole("button", { name: "编制更正版" }).click();
  const overview = page.getByLabel("一、总体情况");
  await expect(overview, "a correction starts from the published texts").toHaveValue(/主动公开各类政府信息34条，其中，政府网站公开32条，其他方式公开2条/);
  await page.getByLabel("五、存在的主要问题及改进情况").fill("一是公开政府信息人员力量仍然薄弱。二是工作机制还不够完善。");
  await page.getByLabel(/更正说明/).fill("更正第五部分的表述。");
  await page.getByRole("button", { name: "保存正文" }).click();
  await expect(page.getByTestId("form-success")).toHaveText("已保存。");
  const preview = page.getByTestId("report-preview");
  await expect(preview.getByRole("row", { name: /行政规范性文件/ })).toContainText("2");
  await page.getByRole("form", { name: "提交审核" }).getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByTestId("report-state")).toContainText("待科室审核");

  const apiDraft = await page.request.get("/api/v1/reports/annual/2017");
  expect((await apiDraft.json()).status).toBe("draft");
  const publicBefore = await request.get("/api/v1/reports/annual/2017");
  expect(publicBefore.status()).toBe(200);
  expect((await publicBefore.json()).edition, "the public sees the published edition, not the draft").toBe(1);
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await visitor.goto("/reports/annual/2017");
  await expect(visitor.getByTestId("annual-report")).toContainText("一是公开政府信息人员力量有些薄弱");
  await expect(visitor.getByTestId("annual-report")).not.toContainText("仍然薄弱");
  await anonymous.close();

  // The section head finds the report on 我的待办 and reads its texts in the review panel.
  const headContext = await browser.newContext();
  const headPage = await headContext.newPage();
  await logIn(headPage, "head");
  await headPage.goto("/admin");
  await headPage.getByTestId("task-list").getByRole("link", { name: title2017 }).click();
  await expect(headPage.getByTestId("report-review-texts")).toContainText("一是公开政府信息人员力量仍然薄弱");
  await headContext.close();
  await actAs(browser, "head", "审核通过");
  await actAs(browser, "leader", "审核通过", async (leaderPage) => {
    await expect(leaderPage.getByLabel(/发布日期/)).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await leaderPage.getByLabel(/确认以上述日期对外公开/).check();
  });

  const published = await request.get("/api/v1/reports/annual/2017");
  expect(published.status()).toBe(200);
  const body = await published.json();
  expect(body.edition).toBe(2);
  expect(body.table2.normativeDocuments).toEqual({ issued: 2, repealed: 0, inForce: 2 });
  expect(body.table2.licensing).toBe(35);
  expect(body.table3.columns).toEqual(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]);
  expect(body.table3.rows.new).toEqual([0, 0, 0, 0, 0, 0, 0]);
  expect(Object.keys(body.table3.rows)).toHaveLength(25);
  expect(body.table4).toHaveLength(15);
  expect(body.checks.passed).toBe(true);

  await page.goto("/reports/annual/2017");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2017年政府信息公开工作年度报告");
  const report = page.getByTestId("annual-report");
  await expect(report.getByRole("heading", { name: "三、收到和处理政府信息公开申请情况" })).toBeVisible();
  await expect(report).toContainText("一是公开政府信息人员力量仍然薄弱");
  await expect(report).toContainText("更正第五部分的表述。");
  await page.goto("/catalogue/annual-reports");
  await expect(page.getByRole("link", { name: /2017年政府信息公开工作年度报告/ }).first()).toBeVisible();

  const docx = await request.get("/reports/annual/2017/download/docx");
  expect(docx.status()).toBe(200);
  expect(await readDocxText(await docx.body())).toContain("仍然薄弱");
  const xlsx = await request.get("/reports/annual/2017/download/xlsx");
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
});
