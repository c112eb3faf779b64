import { expect, test, type Page } from "@playwright/test";
import { logIn } from "./support/session";

/** Collects every Content-Security-Policy violation the page reports, and script errors. */
async function watchForViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on("console", (message) => {
    if (/CSP violation|Content Security Policy|Refused to (execute|apply|load)/i.test(message.text())) problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  return problems;
}

/** Next's runtime sets window.next once its scripts ran: proof they carried the nonce. */
async function expectScriptsRan(page: Page) {
  await expect.poll(() => page.evaluate(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version))).toBe(true);
}

test("the public site runs under its Content-Security-Policy: scripts with the page's nonce, no violations", async ({ page }) => {
  const problems = await watchForViolations(page);
  const home = await page.goto("/");
  const policy = home!.headers()["content-security-policy"];
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  await expectScriptsRan(page);

  // Client-side navigation and an item page with its metadata table.
  await page.locator('a[href^="/items/"]').first().click();
  await expect(page).toHaveURL(/\/items\/\d+/);
  await expect(page.getByTestId("item-body")).toBeVisible();

  for (const path of ["/search?q=城管", "/apply", "/applications", "/feedback", "/powers", "/no-such-page"]) {
    await page.goto(path);
    await expectScriptsRan(page);
  }
  // A form that needs its script: the status lookup answers in place.
  await page.goto("/applications");
  await page.getByLabel("申请编号").fill("YSQ-2026-9999");
  await page.getByLabel("查询码").fill("2222222222");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByText("没有找到该申请，请核对申请编号和查询码。")).toBeVisible();
  expect(problems).toEqual([]);
});

test("the console and its rich-text editor work under the policy", async ({ page }) => {
  const problems = await watchForViolations(page);
  await logIn(page, "staff");
  await page.goto("/admin/items/new");
  await expectScriptsRan(page);
  const editor = page.getByRole("textbox", { name: "正文" });
  await editor.click();
  await editor.pressSequentially("为规范夜市经营秩序");
  await page.getByRole("button", { name: "加粗", exact: true }).click();
  await editor.pressSequentially("决定开展专项整治");
  await page.getByRole("button", { name: "插入表格", exact: true }).click();
  await expect(editor.locator("strong")).toHaveText("决定开展专项整治");
  await expect(editor.locator("table")).toBeVisible();
  // Tiptap's base styles come from our stylesheet, not from an injected <style> the policy refuses.
  expect(await editor.evaluate((element) => getComputedStyle(element).whiteSpace)).toMatch(/pre-wrap|break-spaces/);
  expect(problems).toEqual([]);
});
