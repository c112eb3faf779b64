import { expect, test, type Page } from "@playwright/test";
import JSZip from "jszip";
import { axeOn } from "./support/axe";
import { e2eToday } from "./support/clock";
import { logIn, logOut, sameOrigin } from "./support/session";

// A valid mainland ID number (GB 11643 checksum) and one with a wrong check digit.
const validIdNumber = "11010519491231002X";
const wrongIdNumber = "110105194912310021";

async function lookUp(page: Page, number: string, code: string) {
  await page.goto("/applications");
  await page.getByLabel("申请编号").fill(number);
  await page.getByLabel("查询码").fill(code);
  await page.getByRole("button", { name: "查询" }).click();
}

test("a visitor applies and looks up the status; staff decide; the reply is reviewed and issued; the visitor downloads it", async ({ page }) => {
  const description = `2017年城区户外广告设施设置规划全文 ${Date.now()}`;

  // The visitor applies: field errors first, then a valid application; a double click makes one.
  await page.goto("/apply");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("政府信息公开申请");
  await page.getByLabel("姓名 / 名称").fill("张小三");
  await page.getByLabel("证件类型").selectOption({ label: "居民身份证" });
  await page.getByLabel("证件号码").fill(wrongIdNumber);
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByTestId("error-idNumber")).toContainText("身份证号码不正确");
  await expect(page.getByTestId("error-phone")).toHaveText("请填写联系电话。");
  await expect(page.getByTestId("error-description")).toContainText("请描述所需政府信息");
  await expect(page.getByTestId("error-deliveryMethod")).toHaveText("请选择获取信息的方式。");
  await expect(page.getByText("最多 2000 字。", { exact: false })).toBeVisible();
  await page.getByLabel("证件号码").fill(validIdNumber);
  await page.getByLabel("联系电话").fill("13812345678");
  await page.getByLabel("电子邮箱").fill("zhang@example.com");
  await page.getByLabel(/所需政府信息的名称/).fill(description);
  await expect(page.getByTestId("description-counter")).toHaveText(`已输入 ${description.length} / 2000 字`);
  await page.getByRole("radio", { name: "电子邮件" }).check();
  expect((await axeOn(page).include("main").analyze()).violations).toEqual([]);
  await page.getByRole("button", { name: "提交申请" }).dblclick();
  await expect(page.getByTestId("application-receipt")).toBeVisible();
  const number = (await page.getByTestId("receipt-number").textContent())!.trim();
  const code = (await page.getByTestId("receipt-code").textContent())!.trim();
  expect(number).toMatch(/^YSQ-\d{4}-\d{4}$/);
  expect(code).toMatch(/^[2-9A-Z]{10}$/);
  await expect(page.getByTestId("receipt-due")).toHaveText(/^\d{4}-\d{2}-\d{2}$/);

  // Looking up: a wrong code is "not found"; the right one shows the status.
  await lookUp(page, number, "2222222222");
  await expect(page.getByTestId("form-error")).toHaveText("没有找到该申请，请核对申请编号和查询码。");
  await lookUp(page, number, code);
  await expect(page.getByTestId("status-label")).toHaveText("办理中");
  await expect(page.getByTestId("status-timeline")).toContainText("收到申请");
  await expect(page.getByTestId("status-reply")).toHaveCount(0);

  // Staff of the handling section see it once in the list, masked, and in full on its page.
  await logIn(page, "staff");
  await page.goto("/admin/applications");
  const row = page.getByRole("row").filter({ hasText: number });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("张*三");
  await row.getByRole("link", { name: number }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(number);
  await expect(page.getByTestId("applicant-data")).toContainText(validIdNumber);
  await expect(page.getByTestId("application-description")).toHaveText(description);
  await expect(page.getByTestId("due-explanation")).toContainText("个工作日");

  // Decision with an outcome: the reply letter is drafted from its template.
  const decision = page.getByRole("form", { name: "记录办理决定" });
  await decision.getByRole("button", { name: "记录办理决定" }).click();
  await expect(page.getByTestId("error-outcome")).toHaveText("请选择办理结果。");
  await decision.getByLabel("办理结果").selectOption("disclose");
  await decision.getByLabel(/说明/).fill("所需信息见附件。");
  await decision.getByRole("button", { name: "记录办理决定" }).click();
  await expect(page.getByTestId("form-success")).toBeVisible();
  await expect(page.getByTestId("application-outcome")).toContainText("予以公开");
  await expect(page.getByTestId("reply-letter")).toContainText("张小三：");
  await expect(page.getByTestId("reply-letter")).toContainText("第三十六条第（二）项");
  await page.getByRole("form", { name: "答复书提交审核" }).getByRole("button", { name: "答复书提交审核" }).click();
  await expect(page.getByTestId("reply-state")).toHaveText("待科室审核");
  const applicationUrl = new URL(page.url()).pathname;
  await logOut(page);

  // The administrator sees the application masked.
  await logIn(page, "admin");
  await page.goto(applicationUrl);
  await expect(page.getByTestId("applicant-masked")).toBeVisible();
  await expect(page.getByTestId("applicant-data")).not.toContainText(validIdNumber);
  await expect(page.getByTestId("applicant-data")).toContainText("1101**********002X");
  await logOut(page);

  // The section head reviews, the leader approves: the letter is issued.
  for (const username of ["head", "leader"]) {
    await logIn(page, username);
    await page.goto(applicationUrl);
    await page.getByRole("form", { name: "答复书审核通过" }).getByRole("button", { name: "答复书审核通过" }).click();
    await expect(page.getByTestId("form-success")).toBeVisible();
    await logOut(page);
  }
  await logIn(page, "staff");
  await page.goto(applicationUrl);
  await expect(page.getByTestId("reply-state")).toHaveText("已出具");
  await expect(page.getByTestId("application-status").first()).toHaveText("已答复");
  await logOut(page);

  // The visitor sees the reply and downloads it as Word.
  await lookUp(page, number, code);
  await expect(page.getByTestId("status-label")).toHaveText("已答复");
  await expect(page.getByTestId("status-reply")).toContainText("予以公开");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "下载答复书（Word）" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  const xml = await (await JSZip.loadAsync(await readFile(path))).file("word/document.xml")!.async("string");
  expect(xml).toContain(number);
  expect(xml).toContain("张小三：");
  expect(xml).toContain("所需信息见附件。");
  // The printable version (print, or save as PDF) carries the same letter.
  const printable = await page.request.post("/applications/reply", { form: { number, code, format: "html" } });
  expect(printable.headers()["content-type"]).toContain("text/html");
  const html = await printable.text();
  expect(html).toContain(number);
  expect(html).toContain("所需信息见附件。");

  // Staff print it from the console too.
  await logIn(page, "staff");
  await page.goto(`${applicationUrl}/reply`);
  await expect(page.getByTestId("printable-reply")).toContainText(number);
  await expect(page.getByTestId("printable-reply")).toContainText("张小三：");
});

test("the JSON API: submit, look up, register offline, record steps and a decision, quote a fee", async ({ page, request }) => {
  const body = {
    applicantType: "organisation",
    organisationKind: "legal_service",
    name: "黑龙江某某律师事务所",
    creditCode: "91350100M000100Y43",
    legalRepresentative: "李四",
    contactName: "王五",
    phone: "0453-3921234",
    description: "某行政处罚决定书",
    deliveryMethod: "pickup",
  };
  const created = await request.post("/api/v1/applications", { data: body, headers: { "Idempotency-Key": `api-${Date.now()}` } });
  expect(created.status()).toBe(201);
  const { number, lookupCode, receivedOn, dueOn } = await created.json();
  expect(dueOn > receivedOn).toBe(true);
  const status = await request.get(`/api/v1/applications/${number}?code=${lookupCode}`);
  expect(status.status()).toBe(200);
  expect((await status.json()).dueOn).toBe(dueOn);
  expect((await request.get(`/api/v1/applications/${number}?code=2222222222`)).status()).toBe(404);
  expect((await request.post("/api/v1/applications", { data: { ...body, creditCode: "91350100M000100Y44" } })).status()).toBe(422);

  expect((await request.post("/api/v1/admin/applications", { data: body })).status()).toBe(401);
  await logIn(page, "staff");
  const api = page.request;
  const headers = sameOrigin(page);
  // Received by registered post on Sunday 2026-11-22: the official day of receipt is Monday.
  const registered = await api.post("/api/v1/admin/applications", { headers, data: { ...body, receiptMethod: "registered_post", receivedOn: "2026-11-22" } });
  expect(registered.status()).toBe(201);
  const offline = await registered.json();
  expect(offline.receivedOn).toBe("2026-11-23");
  const step = await api.post(`/api/v1/admin/applications/${offline.id}/steps`, {
    headers,
    data: { type: "third_party_consultation", date: "2026-11-24", thirdParty: "某公司" },
  });
  expect(step.status()).toBe(201);
  expect((await step.json()).status).toBe("awaiting_third_party");
  expect(
    (
      await api.post(`/api/v1/admin/applications/${offline.id}/steps`, { headers, data: { type: "extension", date: "2026-11-24", days: 5, note: "x" } })
    ).status(),
  ).toBe(403);
  expect(
    (
      await api.post(`/api/v1/admin/applications/${offline.id}/steps`, {
        headers,
        data: { type: "fee_notice", date: "2026-11-24", method: "by_volume", quantity: 40 },
      })
    ).status(),
  ).toBe(422);
  const decided = await api.post(`/api/v1/admin/applications/${offline.id}/decision`, {
    headers,
    data: { outcome: "refuse_third_party", decidedOn: "2026-11-25" },
  });
  expect(decided.status()).toBe(200);
  expect((await decided.json()).outcome).toBe("refuse_third_party");
  expect(
    (await api.post(`/api/v1/admin/applications/${offline.id}/decision`, { headers, data: { outcome: "no_such_outcome", decidedOn: "2026-11-25" } })).status(),
  ).toBe(422);

  const quote = await api.get("/api/v1/admin/fees/quote?pages=201");
  expect(await quote.json()).toMatchObject({ amountYuan: 2740 });
  expect((await (await api.get("/api/v1/admin/fees/quote?applicationsThisMonth=31")).json()).amountYuan).toBe(200);
  expect((await api.get("/api/v1/admin/fees/quote?pages=3&applicationsThisMonth=3")).status()).toBe(422);
});

test("Table 4: a reconsideration about proactive disclosure is recorded without an application, listed and given its result", async ({ page }) => {
  const subject = `《行政处罚案件信息公开》未公开处罚依据 ${Date.now()}`;
  await logIn(page, "head");
  await page.goto("/admin/applications");
  await page.getByRole("link", { name: "复议诉讼" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "行政复议和行政诉讼" })).toBeVisible();
  await page.getByText("登记涉及主动公开的复议或诉讼").first().click();
  const form = page.getByRole("form", { name: "登记涉及主动公开的复议或诉讼" });
  await form.getByLabel("涉及的主动公开事项").fill(subject);
  await form.getByLabel("复议机关 / 审理法院").fill("绥芬河市人民政府");
  await form.getByRole("button", { name: "登记涉及主动公开的复议或诉讼" }).click();
  await expect(page.getByTestId("form-success")).toHaveText("已保存。");
  const row = page.getByTestId("appeal-cases").getByRole("row").filter({ hasText: subject });
  await expect(row).toContainText("行政复议");
  await expect(row).toContainText("尚未审结");
  await row.getByLabel("结果", { exact: true }).selectOption({ label: "结果维持" });
  await row.getByLabel("结果日期").fill(e2eToday);
  await row.getByRole("button", { name: "更新结果" }).click();
  await expect(page.getByTestId("appeal-cases").getByRole("row").filter({ hasText: subject })).toContainText(`结果维持（${e2eToday}）`);
  await axeOn(page);
});
