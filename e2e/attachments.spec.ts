import { expect, test } from "@playwright/test";
import { logIn } from "./support/session";
import { buildDocx, buildHtml, buildPdf } from "../tests/fixtures/attachment-files";

test("attachments: type checked by content, screened, downloadable by the public with the original name once published", async ({ page, browser }) => {
  await logIn(page, "staff");
  await page.goto("/admin/items/new");
  await page.getByRole("textbox", { name: "标题", exact: true }).fill("2026年政府信息公开工作年度报告");
  await page.getByLabel("所属栏目").selectOption({ label: "政府信息公开年报" });
  await page.getByRole("textbox", { name: "正文" }).fill("全文见附件。");
  const files = page.getByLabel("上传附件");

  await files.setInputFiles([{ name: "伪装的报告.pdf", mimeType: "application/pdf", buffer: Buffer.from(buildHtml()) }]);
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByTestId("error-files")).toContainText("伪装的报告.pdf");
  await expect(page.getByTestId("error-files")).toContainText("只能上传 PDF、Word、Excel");
  await expect(page.getByRole("textbox", { name: "标题", exact: true }), "what was typed survives the error").toHaveValue("2026年政府信息公开工作年度报告");

  await files.setInputFiles([
    // Larger than Next's default 1 MB server-action body limit.
    {
      name: "2026年政府信息公开工作年度报告.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.concat([Buffer.from(buildPdf("Annual report 2026")), Buffer.alloc(3 * 1024 * 1024, 0x20)]),
    },
    { name: "联系人名单.docx", mimeType: "application/octet-stream", buffer: Buffer.from(await buildDocx(["联系人手机 13912345678"])) },
  ]);
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByTestId("item-state")).toHaveText("草稿");
  const itemId = new URL(page.url()).pathname.split("/").pop();

  const submit = page.getByRole("form", { name: "提交审核" });
  await submit.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByTestId("screening-findings")).toContainText("附件：联系人名单.docx");
  await page.getByTestId("screening-findings").getByLabel("处理说明 1").fill("办公电话，可公开");
  await submit.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByTestId("item-state")).toHaveText("待科室审核");

  const attachmentLink = page.getByRole("link", { name: "2026年政府信息公开工作年度报告.pdf" });
  const attachmentPath = await attachmentLink.getAttribute("href");
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(attachmentPath!)).status(), "not public before publication").toBe(404);

  for (const [username, action] of [
    ["head", "审核通过"],
    ["leader", "审核通过"],
  ] as const) {
    const context = await browser.newContext();
    const reviewer = await context.newPage();
    await logIn(reviewer, username);
    await reviewer.goto(`/admin/items/${itemId}`);
    await reviewer.getByRole("form", { name: action }).getByRole("button", { name: action }).click();
    await expect(reviewer.getByTestId("form-success")).toBeVisible();
    await context.close();
  }

  const publicPage = await anonymous.newPage();
  await publicPage.goto(`/items/${itemId}`);
  const download = publicPage.waitForEvent("download");
  await publicPage.getByRole("link", { name: "2026年政府信息公开工作年度报告.pdf" }).click();
  expect((await download).suggestedFilename()).toBe("2026年政府信息公开工作年度报告.pdf");
  const response = await anonymous.request.get(attachmentPath!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const downloaded = await response.body();
  expect(downloaded.subarray(0, 5).toString()).toBe("%PDF-");
  expect(downloaded.length).toBeGreaterThan(3 * 1024 * 1024);
  await anonymous.close();
});
