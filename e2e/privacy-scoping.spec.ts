import { expect, test, type Page } from "@playwright/test";
import { e2eToday } from "./support/clock";
import { logIn, logOut, sameOrigin } from "./support/session";

async function takeAction(page: Page, action: string) {
  await page.getByRole("form", { name: action }).getByRole("button", { name: action }).click();
}

/** Opens a demo proposal of 2017 from the console list and returns its id. */
async function openDemoProposal(page: Page, title: string): Promise<number> {
  await page.goto("/admin/proposals?year=2017");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return Number(/\/admin\/proposals\/(\d+)/.exec(page.url())![1]);
}

test("another section's proposal is readable but offers no changes, and the API refuses them with 403", async ({ page }) => {
  await logIn(page, "staff");
  // Led by 市容环境管理科; the demo staff member works in 综合科.
  const id = await openDemoProposal(page, "关于加强背街小巷环境卫生整治的建议");
  await expect(page.getByRole("link", { name: "修改", exact: true })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "交办" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "代表委员意见" })).toHaveCount(0);

  const read = await page.request.get(`/api/v1/admin/proposals/${id}`);
  expect(read.status()).toBe(200);
  const { proposal } = await read.json();
  expect(proposal.can).toEqual({ edit: false, assign: false, recordFeedback: false, reopen: false, close: false });
  const patched = await page.request.patch(`/api/v1/admin/proposals/${id}`, {
    headers: sameOrigin(page),
    data: { title: "越权修改的标题", version: proposal.version },
  });
  expect(patched.status()).toBe(403);
  expect((await patched.json()).error.code).toBe("forbidden");
  const reassigned = await page.request.post(`/api/v1/admin/proposals/${id}/assignment`, {
    headers: sameOrigin(page),
    data: { leadSectionId: proposal.leadSectionId, version: proposal.version },
  });
  expect(reassigned.status()).toBe(403);
  expect((await page.goto(`/admin/proposals/${id}/edit`))?.status()).toBe(403);
  await page.goto(`/proposals/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("关于加强背街小巷环境卫生整治的建议");
});

test("the public fields of a proposal with a published reply are not changed by a direct edit", async ({ page }) => {
  await logIn(page, "staff");
  // Led by 综合科 and published in 2017.
  const id = await openDemoProposal(page, "关于完善城管执法投诉渠道的建议");
  await expect(page.getByTestId("public-fields-locked")).toBeVisible();
  await page.getByRole("link", { name: "修改", exact: true }).click();
  await expect(page.getByTestId("public-fields-locked")).toBeVisible();
  await page.getByRole("textbox", { name: "标题", exact: true }).fill("关于完善城管执法投诉渠道的建议（改）");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("form-error")).toContainText("已在网站公开");
  await page.goto(`/proposals/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("关于完善城管执法投诉渠道的建议");
});

test("a message with a mobile number waits in moderation with its findings; publishing it needs a note on each finding", async ({ page }) => {
  const topic = `办证进度咨询 ${Date.now()}`;
  const content = "请问办证进度如何？可致电 13912345678 联系我。";
  await page.goto("/feedback/new");
  await page.getByLabel("主题").fill(topic);
  await page.getByLabel("内容").fill(content);
  await page.getByLabel("姓名（选填）").fill("周小七");
  await page.getByLabel("同意公开我的留言及答复").check();
  await page.getByRole("button", { name: "提交留言" }).click();
  const notice = page.getByTestId("form-success");
  await expect(notice).toContainText("留言已提交，编号");
  const id = /编号 (\d+)/.exec((await notice.textContent()) ?? "")![1];

  await logIn(page, "head");
  await page.goto(`/admin/feedback/${id}`);
  await expect(page.getByTestId("feedback-status")).toHaveText("待审查");
  await expect(page.getByTestId("submission-findings")).toContainText("手机号码");
  await expect(page.getByTestId("submission-findings")).toContainText("13912345678");
  await takeAction(page, "通过审查，转入办理");
  await expect(page.getByTestId("feedback-status")).toHaveText("待办理");
  await logOut(page);

  await logIn(page, "staff");
  await page.goto(`/admin/feedback/${id}`);
  await page.getByLabel("答复内容").fill("您好，证件已办结，请携带回执到窗口领取。");
  await page.getByRole("button", { name: "保存答复" }).click();
  await expect(page.getByTestId("form-success")).toHaveText("答复已保存。");
  await takeAction(page, "提交审核");
  await expect(page.getByTestId("feedback-status")).toHaveText("答复待审核");
  await logOut(page);

  await logIn(page, "head");
  await page.goto(`/admin/feedback/${id}`);
  await takeAction(page, "审核通过");
  const findings = page.getByTestId("screening-findings");
  await expect(findings).toContainText("13912345678");
  await expect(page.getByTestId("feedback-status")).toHaveText("答复待审核");
  await findings.getByLabel("处理说明 1").fill("留言人同意公开，号码为其本人所留");
  await takeAction(page, "审核通过");
  await expect(page.getByTestId("feedback-status")).toHaveText("已答复");
  await expect(page.getByTestId("acknowledged-findings")).toContainText("留言人同意公开，号码为其本人所留");
  await logOut(page);

  await page.goto("/feedback");
  const entry = page.getByTestId("feedback-entry").filter({ hasText: topic });
  await expect(entry.getByTestId("feedback-content")).toHaveText(content);
  await expect(page.getByText("周小七")).toHaveCount(0);
});

test("step notes and a third party's name are shown to the handling section, not to the administrator, the audit log or its export", async ({ page }) => {
  await logIn(page, "staff");
  const registered = await page.request.post("/api/v1/admin/applications", {
    headers: sameOrigin(page),
    data: {
      applicantType: "natural_person",
      name: "钱小八",
      idType: "resident_id",
      idNumber: "11010519491231002X",
      phone: "13800138000",
      description: "某路段占道施工许可",
      deliveryMethod: "pickup",
      receiptMethod: "registered_post",
      receivedOn: "2026-11-25",
    },
  });
  expect(registered.status()).toBe(201);
  const { id } = await registered.json();
  const step = await page.request.post(`/api/v1/admin/applications/${id}/steps`, {
    headers: sameOrigin(page),
    data: { type: "third_party_consultation", date: "2026-11-26", thirdParty: "孙大明", note: "孙大明的电话 13912340000，下午联系。" },
  });
  expect(step.status()).toBe(201);
  await page.goto(`/admin/applications/${id}`);
  await expect(page.getByTestId("application-timeline")).toContainText("孙大明");
  await expect(page.getByTestId("application-timeline")).toContainText("13912340000");
  await logOut(page);

  await logIn(page, "admin");
  await page.goto(`/admin/applications/${id}`);
  const timeline = page.getByTestId("application-timeline");
  await expect(timeline).toContainText("孙*明");
  await expect(timeline).not.toContainText("孙大明");
  await expect(timeline).not.toContainText("13912340000");
  await expect(page.getByTestId("note-hidden")).toBeVisible();
  const answer = await (await page.request.get(`/api/v1/admin/applications/${id}`)).text();
  expect(answer).not.toContain("孙大明");
  expect(answer).not.toContain("13912340000");
  await page.goto("/admin/audit?entityType=Application");
  await expect(page.getByRole("main")).not.toContainText("13912340000");
  const today = e2eToday;
  const csv = await (await page.request.get(`/admin/audit/export?from=${today}&to=${today}`)).text();
  expect(csv).toContain("征求第三方意见");
  expect(csv).not.toContain("13912340000");
  expect(csv).not.toContain("孙大明");
});
