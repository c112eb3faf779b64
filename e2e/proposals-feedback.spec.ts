import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { axeOn } from "./support/axe";
import { e2eYear } from "./support/clock";
import { logIn, logOut } from "./support/session";

async function takeAction(page: Page, action: string) {
  await page.getByRole("form", { name: action }).getByRole("button", { name: action }).click();
  await expect(page.getByTestId("form-success")).toBeVisible();
}

test("a visitor's message is answered by staff, approved by the head, published without the name, shown as text and rated", async ({ page }) => {
  const topic = `夜间施工噪声 ${Date.now()}`;
  const content = "工地夜里施工太吵。<b>粗体</b><script>alert('x')</script>";
  await page.goto("/feedback/new");
  await page.getByRole("button", { name: "提交留言" }).click();
  await expect(page.getByTestId("error-topic")).toHaveText("请填写主题。");
  await page.getByLabel("主题").fill(topic);
  await page.getByLabel("内容").fill(content);
  await page.getByLabel("姓名（选填）").fill("王小明");
  await page.getByLabel("联系方式（选填）").fill("13800001234");
  await page.getByLabel("同意公开我的留言及答复").check();
  await page.getByRole("button", { name: "提交留言" }).click();
  const notice = page.getByTestId("form-success");
  await expect(notice).toContainText("留言已提交，编号");
  const id = /编号 (\d+)/.exec((await notice.textContent()) ?? "")![1];
  await page.goto("/feedback");
  await expect(page.getByText(topic)).toHaveCount(0);

  await logIn(page, "staff");
  await page.goto(`/admin/feedback/${id}`);
  await expect(page.getByTestId("feedback-content")).toHaveText(content);
  await expect(page.getByText("13800001234")).toBeVisible();
  await page.getByLabel("答复内容").fill("您好！已责令施工单位停止夜间施工，并加强巡查。");
  await page.getByRole("button", { name: "保存答复" }).click();
  await expect(page.getByTestId("form-success")).toHaveText("答复已保存。");
  await takeAction(page, "提交审核");
  await expect(page.getByTestId("feedback-status")).toHaveText("答复待审核");
  await logOut(page);

  await logIn(page, "head");
  await page.goto(`/admin/feedback/${id}`);
  await expect(page.getByRole("checkbox", { name: "公开留言和答复" })).toBeChecked();
  await takeAction(page, "审核通过");
  await expect(page.getByTestId("feedback-status")).toHaveText("已答复");
  await logOut(page);

  await page.goto("/feedback");
  const entry = page.getByTestId("feedback-entry").filter({ hasText: topic });
  await expect(entry.getByTestId("feedback-content")).toHaveText(content);
  await expect(entry.getByTestId("feedback-content").locator("b, script")).toHaveCount(0);
  await expect(entry.getByTestId("feedback-reply")).toHaveText("您好！已责令施工单位停止夜间施工，并加强巡查。");
  await expect(page.getByText("王小明")).toHaveCount(0);
  await expect(page.getByText("13800001234")).toHaveCount(0);
  await entry.getByRole("radio", { name: "满意", exact: true }).check();
  await entry.getByRole("button", { name: "提交评价" }).click();
  await expect(entry.getByTestId("form-success")).toHaveText("感谢您的评价。");
  await page.reload();
  await expect(page.getByTestId("feedback-entry").filter({ hasText: topic }).getByTestId("feedback-ratings")).toContainText("满意 1");
});

test("a message about an item names the item", async ({ page, request }) => {
  const items = await (await request.get("/api/v1/items?pageSize=1")).json();
  const item = items.items[0];
  await page.goto(`/feedback/new?itemId=${item.id}`);
  await expect(page.getByTestId("feedback-item")).toHaveText(item.title);
});

test("a proposal is registered and assigned by the section head, answered in 摘要公开 through the review, and the public sees only the summary", async ({
  page,
}) => {
  const year = e2eYear;
  const title = `关于规范夜市经营秩序的建议 ${Date.now()}`;
  // Staff register proposals as 待交办; choosing the lead section is 交办, the section head's job.
  await logIn(page, "staff");
  await page.goto("/admin/proposals/new");
  await expect(page.getByTestId("register-unassigned")).toBeVisible();
  await expect(page.getByLabel("主办科室")).toHaveCount(0);
  await logOut(page);
  await logIn(page, "head");
  await page.goto("/admin/proposals/new");
  await page.getByLabel("类别").selectOption("suggestion");
  await page.getByLabel("编号").fill(`第${Date.now() % 100000}号`);
  await page.getByLabel("届次会议").fill("绥芬河市第十七届人民代表大会第三次会议");
  await page.getByRole("textbox", { name: "标题", exact: true }).fill(title);
  await page.getByLabel("提出人").fill("张立新");
  await page.getByLabel("主办科室").selectOption({ label: "综合科" });
  await page.getByRole("button", { name: "登记建议提案" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("proposal-status")).toHaveText("办理中");
  await expect(page.getByTestId("proposal-deadline")).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  const proposalUrl = new URL(page.url()).pathname;
  await logOut(page);

  await logIn(page, "staff");
  await page.goto(proposalUrl);
  await page.getByLabel("答复正文").fill("张立新代表：内部研判意见，不宜全文公开。");
  await page.getByRole("radio", { name: "摘要公开" }).check();
  await page.getByRole("button", { name: "保存答复" }).click();
  await expect(page.getByTestId("error-summary")).toBeVisible();
  await page.getByLabel("公开摘要").fill("已划定夜市经营区域，并落实保洁责任。");
  await page.getByRole("button", { name: "保存答复" }).click();
  await expect(page.getByTestId("form-success")).toHaveText("答复已保存。");
  await takeAction(page, "提交审核");
  await logOut(page);

  for (const username of ["head", "leader"]) {
    await logIn(page, username);
    await page.goto(proposalUrl);
    await takeAction(page, "审核通过");
    await logOut(page);
  }

  await page.goto(`/proposals?year=${year}`);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByTestId("proposal-reply-text")).toHaveText("已划定夜市经营区域，并落实保洁责任。");
  await expect(page.getByText("内部研判意见")).toHaveCount(0);
  await expect(page.getByTestId("proposal-metadata")).toContainText("张立新");
});

async function assignmentList(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("交办清单");
  sheet.addRow(["年度", "届次会议", "编号", "类别", "标题", "提出人", "收到日期", "主办科室", "协办科室", "交办日期", "办理期限"]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test("the yearly assignment list is imported all or nothing, with the errors listed by row and column", async ({ page }) => {
  const stamp = Date.now() % 100000;
  const session = `导入测试会议${stamp}`;
  // The list names lead sections: importing it assigns them, which is the section head's job.
  await logIn(page, "head");
  await page.goto("/admin/proposals/import");
  const template = await page.request.get("/admin/proposals/import/template");
  expect(template.status()).toBe(200);
  expect(template.headers()["content-type"]).toContain("spreadsheetml");

  const good = ["2017", session, "第1号", "人大代表建议", "关于增设果皮箱的建议", "张三", "2017-03-01", "综合科", "", "2017-03-10", ""];
  const bad = ["2017", session, "第2号", "议案", "", "李四", "2017-02-30", "不存在的科室", "", "", ""];
  await page
    .getByLabel("交办清单文件")
    .setInputFiles({ name: "交办清单.xlsx", mimeType: "application/octet-stream", buffer: await assignmentList([good, bad]) });
  await page.getByRole("button", { name: "导入" }).click();
  await expect(page.getByTestId("form-error")).toContainText("没有导入任何数据");
  const problems = page.getByTestId("import-problems").locator("tbody tr");
  await expect(problems).toHaveCount(4);
  await expect(problems.nth(0)).toContainText("3类别“议案”不是有效类别");
  await expect(problems.nth(1)).toContainText("3标题");
  await expect(problems.nth(2)).toContainText("3收到日期“2017-02-30”不是有效日期");
  await expect(problems.nth(3)).toContainText("3主办科室科室“不存在的科室”不存在。");
  await page.goto("/admin/proposals?year=2017");
  await expect(page.getByRole("link", { name: "关于增设果皮箱的建议" })).toHaveCount(0);

  await page.goto("/admin/proposals/import");
  await page.getByLabel("交办清单文件").setInputFiles({ name: "交办清单.xlsx", mimeType: "application/octet-stream", buffer: await assignmentList([good]) });
  await page.getByRole("button", { name: "导入" }).click();
  await expect(page.getByTestId("form-success")).toHaveText("已导入 1 件。");
  await page.goto("/admin/proposals?year=2017");
  await page.getByRole("link", { name: "关于增设果皮箱的建议" }).first().click();
  await expect(page.getByTestId("proposal-deadline")).toHaveText("2017-06-12");
});

test("the public proposal and feedback pages have no serious accessibility problems", async ({ page }) => {
  for (const path of ["/proposals", "/feedback", "/feedback/new"]) {
    await page.goto(path);
    const results = await axeOn(page).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
    expect(serious.map((violation) => `${path}: ${violation.id} ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
  }
});
