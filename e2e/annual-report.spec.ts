import { expect, test, type Browser } from "@playwright/test";
import JSZip from "jszip";
import { logIn } from "./support/session";

async function actAs(browser: Browser, username: string, action: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, username);
  await page.goto("/admin/reports/2017");
  await page.getByRole("form", { name: action }).getByRole("button", { name: action }).click();
  await expect(page.getByTestId("form-success")).toBeVisible();
  await context.close();
}

test("the 2017 report is compiled from the demo data, reviewed, published and downloadable", async ({ page, browser, request }) => {
  await logIn(page, "staff");
  await page.goto("/admin/reports");
  await expect(page.getByRole("link", { name: "打开 2017年度" })).toBeVisible();
  await page.getByRole("link", { name: "打开 2017年度" }).click();
  await expect(page.getByTestId("checks-passed")).toBeVisible();
  await page.getByRole("button", { name: "开始编制" }).click();
  const overview = page.getByLabel("一、总体情况");
  await expect(overview).toHaveValue(/主动公开政府信息34条，其中，政府网站公开32条，其他方式公开2条/);
  await expect(overview).toHaveValue(/人大代表建议7项、政协委员提案12项/);
  await expect(overview).toHaveValue(/满意率100%/);
  await expect(overview).toHaveValue(/保留行政审批事项12项；本年作出并公示行政许可决定35条/);
  await page.getByLabel("五、存在的主要问题及改进情况").fill("一是公开政府信息人员力量有些薄弱。二是工作机制还不够完善。");
  await page.getByRole("button", { name: "保存正文" }).click();
  await expect(page.getByTestId("form-success")).toHaveText("已保存。");
  const preview = page.getByTestId("report-preview");
  await expect(preview.getByRole("row", { name: /行政规范性文件/ })).toContainText("2");
  await page.getByRole("form", { name: "提交审核" }).getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByTestId("report-state")).toContainText("待科室审核");

  const apiDraft = await page.request.get("/api/v1/reports/annual/2017");
  expect((await apiDraft.json()).status).toBe("draft");
  expect((await request.get("/api/v1/reports/annual/2017")).status(), "not public before publication").toBe(404);

  await actAs(browser, "head", "审核通过");
  await actAs(browser, "leader", "审核通过");

  const published = await request.get("/api/v1/reports/annual/2017");
  expect(published.status()).toBe(200);
  const body = await published.json();
  expect(body.table2.normativeDocuments).toEqual({ issued: 2, repealed: 0, inForce: 2 });
  expect(body.table2.licensing).toBe(35);
  expect(body.table3.columns).toEqual(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]);
  expect(body.table3.rows.new).toEqual([0, 0, 0, 0, 0, 0, 0]);
  expect(Object.keys(body.table3.rows)).toHaveLength(25);
  expect(body.table4).toHaveLength(15);
  expect(body.checks.passed).toBe(true);

  await page.goto("/reports/annual/2017");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("绥芬河市城市管理和综合行政执法局2017年政府信息公开工作年度报告");
  const report = page.getByTestId("annual-report");
  await expect(report.getByRole("heading", { name: "三、收到和处理政府信息公开申请情况" })).toBeVisible();
  await expect(report).toContainText("一是公开政府信息人员力量有些薄弱");
  await page.goto("/catalogue/annual-reports");
  await expect(page.getByRole("link", { name: /2017年政府信息公开工作年度报告/ })).toBeVisible();

  const docx = await request.get("/reports/annual/2017/download/docx");
  expect(docx.status()).toBe(200);
  const xml = await (await JSZip.loadAsync(await docx.body())).file("word/document.xml")!.async("string");
  expect(xml.replace(/<[^>]+>/g, "")).toContain("四、政府信息公开行政复议、行政诉讼情况");
  const xlsx = await request.get("/reports/annual/2017/download/xlsx");
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
});
