// Dev aid: `node scripts/screenshot.mjs URL OUT.png [username]` — a full-page screenshot in Debian's chromium.
import { chromium } from "@playwright/test";

const [url, out, username] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-background-networking"],
});
const page = await browser.newPage({ viewport: { width: Number(process.env.WIDTH ?? 1280), height: 900 }, locale: "zh-CN" });
if (username) {
  const origin = new URL(url).origin;
  await page.goto(`${origin}/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(process.env.PASSWORD ?? "gongkai-demo");
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(/\/admin/);
}
await page.goto(url);
if (process.env.PRINT) await page.emulateMedia({ media: "print" });
await page.screenshot({ path: out, fullPage: true });
await browser.close();
