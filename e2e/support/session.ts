import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "gongkai-demo";

export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/**
 * Headers for a cookie-authenticated API write from Playwright's request context, which sends no
 * Origin of its own: the server accepts such writes only from the site itself.
 */
export function sameOrigin(page: Page): { Origin: string } {
  return { Origin: new URL(page.url()).origin };
}
