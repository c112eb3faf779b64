import { expect, test } from "@playwright/test";
import { axeOn } from "./support/axe";
import { publicRoutes } from "./support/public-routes";

/**
 * The public site on a phone (390 × 844) and a desktop (1366 × 900), every kind of public page with
 * the demo data: nothing scrolls sideways, and axe finds no WCAG A/AA violation.
 */
const widths = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1366, height: 900 },
];

for (const viewport of widths) {
  test(`every public page fits a ${viewport.width} px screen and passes axe (${viewport.name})`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const routes = await publicRoutes(page);
    const problems: string[] = [];
    for (const route of routes) {
      await page.goto(route);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      if (scrollWidth > innerWidth) {
        const wide = await page.evaluate((limit) => {
          const found: string[] = [];
          for (const element of document.querySelectorAll("body *")) {
            const box = element.getBoundingClientRect();
            if (box.right > limit + 0.5 && found.length < 3) found.push(`<${element.tagName.toLowerCase()} class="${element.getAttribute("class") ?? ""}">`);
          }
          return found.join(", ");
        }, innerWidth);
        problems.push(`${route}: ${scrollWidth} px wide at ${innerWidth} (${wide})`);
      }
      const { violations } = await axeOn(page).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      for (const violation of violations) problems.push(`${route}: ${violation.id} — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
    }
    expect(problems).toEqual([]);
  });
}

test("on a phone, record tables become cards that name each value, and the catalogue menu folds", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/decisions");
  const firstRow = page.getByTestId("decision-row").first();
  // The column headings are off screen; each value carries its heading, shown beside it.
  await expect(page.locator("main table thead")).toHaveCSS("position", "absolute");
  const label = await firstRow
    .locator("td")
    .first()
    .evaluate((cell) => getComputedStyle(cell, "::before").content);
  expect(label).toBe('"决定书文号"');

  await page.goto("/catalogue/statutory");
  const menu = page.getByRole("navigation", { name: "公开目录" });
  const firstLink = menu.getByRole("link").first();
  await expect(firstLink).toBeHidden();
  await menu.getByText("公开目录", { exact: true }).last().click();
  await expect(firstLink).toBeVisible();

  await page.setViewportSize({ width: 1366, height: 900 });
  await page.reload();
  await expect(page.getByRole("navigation", { name: "公开目录" }).getByRole("link").first()).toBeVisible();
});

test("the accessibility toolbar: larger type and high contrast, by keyboard, remembered on the next page", async ({ page }) => {
  await page.goto("/");
  const rootSize = () => page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(await rootSize()).toBe(16);
  const open = page.getByRole("button", { name: "无障碍浏览" });
  await open.focus();
  await page.keyboard.press("Enter");
  const toolbar = page.getByRole("region", { name: "无障碍工具" });
  await toolbar.getByRole("button", { name: "特大" }).focus();
  await page.keyboard.press("Enter");
  await expect(toolbar.getByRole("button", { name: "特大" })).toHaveAttribute("aria-pressed", "true");
  expect(await rootSize()).toBe(22);
  await toolbar.getByRole("button", { name: "高对比度" }).click();
  await expect(page.locator("body")).toHaveCSS("background-color", "rgb(0, 0, 0)");

  // Another page, loaded afresh: the settings hold from its first paint.
  await page.goto("/catalogue/statutory");
  expect(await rootSize()).toBe(22);
  await expect(page.locator("html")).toHaveAttribute("data-high-contrast", "");
  await page.getByRole("button", { name: "无障碍浏览" }).click();
  await page.getByRole("region", { name: "无障碍工具" }).getByRole("button", { name: "恢复默认" }).click();
  expect(await rootSize()).toBe(16);
  await expect(page.locator("html")).not.toHaveAttribute("data-high-contrast", "");
});
