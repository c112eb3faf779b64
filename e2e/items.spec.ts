import { expect, test, type Page } from "@playwright/test";
import { logIn, logOut } from "./support/session";

async function openItemAs(page: Page, username: string, itemUrl: string) {
  await logIn(page, username);
  await page.goto(itemUrl);
}

async function takeAction(page: Page, action: string, comment?: string) {
  const form = page.getByRole("form", { name: action });
  if (comment) await form.getByRole("textbox").first().fill(comment);
  await form.getByRole("button", { name: action }).click();
  await expect(page.getByTestId("form-success")).toBeVisible();
}

test("staff drafts, head returns, staff resubmits, head and leader approve, the public sees it; a withdrawal shows the notice", async ({ page }) => {
  const title = `关于开展夜市占道经营专项整治的通告 ${Date.now()}`;
  await logIn(page, "staff");
  await page.goto("/admin/items/new");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByTestId("error-title")).toHaveText("请填写标题。");
  await page.getByRole("textbox", { name: "标题", exact: true }).fill(title);
  await page.getByLabel("所属栏目").selectOption({ label: "　行政强制" });
  await page.getByLabel("文号").fill("绥城管发〔2026〕12号");
  await page.getByRole("textbox", { name: "正文" }).fill("为规范夜市经营秩序，决定开展专项整治。");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("item-state")).toHaveText("草稿");
  await expect(page.getByTestId("form-success")).toHaveText("草稿已保存。核对无误后，请在“审核操作”中提交审核。");
  const itemUrl = new URL(page.url()).pathname;
  const itemId = itemUrl.split("/").pop();
  await takeAction(page, "提交审核");
  await expect(page.getByTestId("item-state")).toHaveText("待科室审核");
  await logOut(page);

  await openItemAs(page, "head", itemUrl);
  // One review box: one comment field (named), 通过 and 退回 side by side.
  const reviewBox = page.getByRole("form", { name: "审核：审核通过或退回修改" });
  await expect(reviewBox.getByRole("textbox")).toHaveCount(1);
  await expect(reviewBox.getByRole("textbox", { name: "审核意见（退回时必填）" })).toBeVisible();
  await expect(reviewBox.getByRole("button")).toHaveText(["审核通过", "退回修改"]);
  await reviewBox.getByRole("button", { name: "退回修改" }).click();
  await expect(page.getByTestId("error-comment")).toHaveText("退回时必须填写意见。");
  await takeAction(page, "退回修改", "请在标题中注明整治期限。");
  await expect(page.getByTestId("item-state")).toHaveText("草稿");
  await logOut(page);

  await openItemAs(page, "staff", itemUrl);
  await expect(page.getByTestId("item-history")).toContainText("请在标题中注明整治期限。");
  await page.getByRole("link", { name: "修改" }).click();
  const revisedTitle = `${title}（2026年12月1日至31日）`;
  await page.getByRole("textbox", { name: "标题", exact: true }).fill(revisedTitle);
  // Saved and submitted in one step; the notice says what happened and who acts next.
  await page.getByRole("button", { name: "保存并提交审核" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(revisedTitle);
  await expect(page.getByRole("heading", { level: 1 }).locator("..").getByText("第 2 版", { exact: true })).toBeVisible();
  await expect(page.getByTestId("form-success")).toHaveText("已提交，等待科室负责人审核。");
  await expect(page.getByTestId("item-state")).toHaveText("待科室审核");
  await expect(page.getByText("正在等待科室负责人审核，您无需操作。")).toBeVisible();
  await logOut(page);

  await openItemAs(page, "head", itemUrl);
  await takeAction(page, "审核通过");
  await expect(page.getByTestId("item-state")).toHaveText("待领导审批");
  await logOut(page);

  const beforeApproval = await page.request.get(`/items/${itemId}`);
  expect(beforeApproval.status()).toBe(404);

  await openItemAs(page, "leader", itemUrl);
  await takeAction(page, "审核通过");
  await expect(page.getByTestId("item-state")).toHaveText("已发布");

  await page.goto(`/items/${itemId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(revisedTitle);
  await expect(page.getByTestId("item-metadata")).toContainText("绥城管发〔2026〕12号");
  await page.goto("/catalogue/coercion");
  await expect(page.getByRole("link", { name: revisedTitle })).toBeVisible();

  await page.goto(itemUrl);
  await takeAction(page, "撤回", "整治方案调整，另行公告。");
  await page.goto(`/items/${itemId}`);
  await expect(page.getByTestId("withdrawal-notice")).toContainText("整治方案调整，另行公告。");
  await expect(page.getByTestId("item-body")).toHaveCount(0);
  await page.goto("/catalogue/coercion");
  await expect(page.getByRole("link", { name: revisedTitle })).toHaveCount(0);
});

test("personal data found on submit must be acknowledged with a note", async ({ page }) => {
  await logIn(page, "staff");
  await page.goto("/admin/items/new");
  await page.getByRole("textbox", { name: "标题", exact: true }).fill("违法建设拆除决定送达公告");
  await page.getByLabel("所属栏目").selectOption({ label: "　行政强制" });
  await page.getByRole("textbox", { name: "正文" }).fill("当事人张某，身份证号 11010519491231002X，联系电话 13812345678。");
  // Saving and submitting at once: the draft is kept, the submission waits for the findings.
  await page.getByRole("button", { name: "保存并提交审核" }).click();
  await expect(page.getByTestId("item-state")).toHaveText("草稿");
  await expect(page.getByTestId("form-success")).toContainText("草稿已保存，但尚未提交审核");
  const submit = page.getByRole("form", { name: "提交审核" });
  await submit.getByRole("button", { name: "提交审核" }).click();
  const findings = page.getByTestId("screening-findings");
  await expect(findings).toContainText("身份证号码");
  await expect(findings).toContainText("11010519491231002X");
  await expect(findings).toContainText("手机号码");
  await findings.getByLabel("处理说明 1").fill("送达公告依法须载明当事人身份");
  await findings.getByLabel("处理说明 2").fill("已征得当事人同意");
  await submit.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByTestId("item-state")).toHaveText("待科室审核");
  await expect(page.getByTestId("acknowledged-findings")).toContainText("送达公告依法须载明当事人身份");
});

test("the public column: catalogue filters, paging, item metadata and printing", async ({ page }) => {
  await page.goto("/catalogue/statutory?year=2017");
  await expect(page.getByTestId("result-count")).toHaveText("共 31 条");
  await page.getByRole("link", { name: "下一页" }).click();
  await expect(page.getByTestId("item-list").getByRole("listitem")).toHaveCount(11);
  await page.goto("/catalogue/statutory");
  await page.getByLabel("发布机构").selectOption({ label: "绥芬河市城市管理和综合行政执法局综合执法大队" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByTestId("result-count")).toHaveText("共 5 条");
  await page.goto("/catalogue/guide");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("政府信息公开指南");
  await expect(page.getByTestId("item-body"), "a page category shows its published content page").toContainText("受理机构：局综合科");
  await page.goto("/search?q=户外广告");
  await expect(page.getByTestId("result-count")).toContainText("共");
  await page.goto("/items/1");
  const metadata = page.getByTestId("item-metadata");
  for (const label of ["索引号", "分类", "发布机构", "文号", "成文日期", "发布日期", "有效性"]) await expect(metadata).toContainText(label);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "公开目录" })).toBeHidden();
  await expect(page.getByRole("button", { name: "打印本页" })).toBeHidden();
  await expect(page.getByTestId("item-metadata")).toBeVisible();
});
