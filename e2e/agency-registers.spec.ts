import { expect, test } from "@playwright/test";

const bureau = "绥芬河市城市管理和综合行政执法局";
const education = "绥芬河市教育局（演示）";

test("an agency's 双公示 list: its name in the header and its own decision; without agency= the default agency's list", async ({ page }) => {
  await page.goto("/agencies/SFHJYJ");
  await expect(page.getByTestId("site-identity")).toContainText(education);
  await page.getByTestId("agency-column-registers").getByRole("link", { name: "双公示" }).click();

  await expect(page).toHaveURL(/\/decisions\?agency=SFHJYJ$/);
  await expect(page.getByTestId("site-identity")).toContainText(education);
  await expect(page).toHaveTitle(new RegExp(`－${education.replace(/[()（）]/g, ".")}$`));
  await expect(page.getByRole("navigation", { name: "当前位置" }).getByRole("link", { name: education })).toBeVisible();
  await expect(page.getByTestId("decision-row")).toHaveCount(1);
  await expect(page.getByTestId("decision-row")).toContainText("绥教许字〔2026〕第001号（演示）");

  // The filter keeps the agency.
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/agency=SFHJYJ/);
  await expect(page.getByTestId("decision-row")).toHaveCount(1);

  // Back on the platform's own addresses (the header's 首页, then the list), the header names the site again.
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "首页" }).click();
  await expect(page.getByTestId("site-identity")).toContainText(bureau);
  await page.goto("/decisions");
  await expect(page.getByTestId("site-identity")).toContainText(bureau);
  await expect(page.getByTestId("site-identity")).not.toContainText(education);
  await expect(page.locator("body")).not.toContainText("绥教许字");
  await expect(page.getByTestId("decision-row").first()).toContainText("绥城管");

  expect((await page.goto("/decisions?agency=NO-SUCH"))?.status()).toBe(404);
});
