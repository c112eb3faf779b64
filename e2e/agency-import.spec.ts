import { expect, test } from "@playwright/test";
import { logIn, logOut } from "./support/session";

const header = "机关代码,机关全称,简称,统一社会信用代码,上级机关代码,机关类型,管理员用户名,管理员姓名";
const file = (rows: string[]) => ({ name: "机关.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${[header, ...rows].join("\r\n")}\r\n`) });
const shots = process.env.AGENCY_IMPORT_SCREENSHOTS;

test("批量导入机关: a refused file lists its problems; a good one shows each administrator's one-time password once, which must be changed at first sign-in", async ({
  page,
}) => {
  await logIn(page, "platform");
  await page.goto("/admin/agencies");
  const form = page.getByRole("form", { name: "批量导入机关" });
  await expect(page.getByRole("link", { name: "下载导入模板（.xlsx）" })).toHaveAttribute("href", "/admin/agencies/import/template");

  await form.getByLabel("导入文件（.xlsx 或 .csv）").setInputFiles(file(["E2E-A,甲局,甲局,,SFHZF,部门,e2e-a,甲", "E2E-B,乙局,乙局,,NOWHERE,局,,乙"]));
  await form.getByRole("button", { name: "导入", exact: true }).click();
  await expect(form.getByTestId("form-error")).toContainText("没有导入任何数据");
  const problems = form.getByTestId("import-problems");
  await expect(problems).toContainText("上级机关“NOWHERE”既不在平台上，也不在本文件这一行之前。");
  await expect(problems).toContainText("“局”不是有效的机关类型");
  if (shots) await page.screenshot({ path: `${shots}/import-problems-desktop.png`, fullPage: true });

  await form.getByLabel("导入文件（.xlsx 或 .csv）").setInputFiles(file(["E2E-FGJ,绥芬河市发展和改革局,市发改局,,SFHZF,部门,e2e-fgj,王明"]));
  await form.getByRole("button", { name: "导入", exact: true }).click();
  await expect(form.getByTestId("form-success")).toHaveText("已导入 1 个机关，建立 1 个管理员账号。");
  const result = form.getByTestId("one-time-passwords");
  await expect(result).toContainText("e2e-fgj");
  const password = (await result.locator("code").first().textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z0-9]{12}$/);
  const [download] = await Promise.all([page.waitForEvent("download"), result.getByTestId("one-time-passwords-download").click()]);
  expect(download.suggestedFilename()).toBe("新管理员一次性密码.xlsx");
  await expect(page.getByTestId("agency-table")).toContainText("绥芬河市发展和改革局");
  if (shots) {
    await page.screenshot({ path: `${shots}/import-result-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator("#import-agencies").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/import-result-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });
  }
  await logOut(page);

  // First sign-in: the password change and nothing else.
  await logIn(page, "e2e-fgj", password);
  await expect(page).toHaveURL(/\/admin\/account$/);
  await expect(page.getByTestId("password-change-required")).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/first-sign-in-desktop.png`, fullPage: true });
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/admin\/account$/);
  expect((await page.request.get("/api/v1/me")).status()).toBe(403);
  const change = page.getByRole("form", { name: "修改密码" });
  await change.getByLabel("当前密码").fill(password);
  await change.getByLabel(/^新密码/).fill("fgj-own-password-1");
  await change.getByLabel("确认新密码").fill("fgj-own-password-1");
  await change.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByTestId("console-agency"), "the console names the administrator's own agency").toHaveText("绥芬河市发展和改革局");
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/users$/);
  expect((await page.request.get("/api/v1/me")).status()).toBe(200);
});
