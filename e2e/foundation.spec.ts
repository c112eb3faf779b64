import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_START } from "./support/clock";
import { logIn, logOut } from "./support/session";

/** A user made by the admin through the console, for tests that change passwords. */
async function createUserAsAdmin(page: Page, username: string, password: string): Promise<void> {
  await logIn(page, "admin");
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "新建用户" });
  await form.getByLabel("用户名").fill(username);
  await form.getByLabel("姓名").fill(username);
  await form.getByLabel("初始密码").fill(password);
  await form.getByRole("button", { name: "新建用户" }).click();
  await expect(page.getByTestId("form-success")).toBeVisible();
  await logOut(page);
}

async function signedInElsewhere(browser: Browser, username: string, password: string): Promise<Page> {
  const other = await (await browser.newContext()).newPage();
  await logIn(other, username, password);
  return other;
}

test("the public home page shows the agency and its contact details", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("banner").getByRole("link", { name: "绥芬河市城市管理和综合行政执法局" })).toBeVisible();
  const contact = page.getByTestId("agency-contact");
  await expect(contact).toContainText("永福街39号");
  await expect(contact).toContainText("157399");
  await expect(contact).toContainText("sfhcgj@163.com");
  await expect(page.getByText("组长：王韶波（局长）")).toBeVisible();
});

test("the console sends anonymous visitors to the login page, which lists the demo accounts", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fusers/);
  await expect(page.getByTestId("demo-accounts")).toContainText("head");
  await expect(page.getByTestId("demo-accounts")).toContainText("这是演示安装：以下账号的密码是公开的");
});

test("the users page offers to end demo mode, only with the confirmation ticked", async ({ page }) => {
  await logIn(page, "admin");
  await page.goto("/admin/users");
  const demo = page.getByTestId("demo-mode");
  await expect(demo).toContainText("本站处于演示模式");
  // Ending it here would disable the accounts the other specs sign in with: only the refusal is tried
  // (the ending itself is covered by tests/integration/demo-mode.test.ts).
  await demo.getByRole("button", { name: "结束演示模式" }).click();
  await expect(demo.getByTestId("error-confirm")).toHaveText("请勾选确认后再结束演示模式。");
  await logOut(page);
  await expect(page.getByTestId("demo-accounts")).toBeVisible();
});

test("a session cookie cannot make cross-site API writes; same-origin JSON still works", async ({ page, baseURL }) => {
  await logIn(page, "staff");
  const categories = (await (await page.request.get("/api/v1/categories")).json()).categories as { slug: string; children: { id: number; slug: string }[] }[];
  const plans = categories.find((node) => node.slug === "statutory")!.children.find((node) => node.slug === "plans")!;
  // What a form or fetch on another site can send along with the staff member's cookie.
  const attack = await page.request.post("/api/v1/admin/items", {
    headers: { "Content-Type": "text/plain", Origin: "https://evil.example" },
    data: JSON.stringify({
      title: "跨站写入的信息",
      body: "<p>跨站写入。</p>",
      categoryId: plans.id,
      writtenAt: "2026-11-20",
      formedAt: "2026-11-20",
      channels: ["website"],
    }),
  });
  expect(attack.status()).toBe(403);
  expect((await attack.json()).error.code).toBe("cross_site_write");
  const plainFromHere = await page.request.post("/api/v1/admin/items", { headers: { "Content-Type": "text/plain", Origin: baseURL! }, data: "{}" });
  expect(plainFromHere.status()).toBe(403);
  // From the site itself, as JSON, the request reaches the data layer (which finds the body incomplete).
  const fromHere = await page.request.post("/api/v1/admin/items", { headers: { Origin: baseURL! }, data: {} });
  expect(fromHere.status()).toBe(422);
  expect((await page.request.get("/api/v1/me", { headers: { Origin: "https://evil.example" } })).status()).toBe(200);
});

test("a read-only token with an expiry: reads, is refused on writes, and the account page shows both", async ({ page, request }) => {
  await logIn(page, "staff");
  await page.goto("/admin/account");
  const form = page.getByRole("form", { name: "生成令牌" });
  await form.getByLabel("令牌名称").fill("只读脚本");
  await form.getByLabel("权限").selectOption({ label: "只读" });
  await form.getByLabel("有效期").selectOption({ label: "30 天" });
  await form.getByRole("button", { name: "生成令牌" }).click();
  const token = (await page.getByTestId("form-secret").textContent())!.trim();
  const headers = { Authorization: `Bearer ${token}` };
  const me = await request.get("/api/v1/me", { headers });
  expect(me.status()).toBe(200);
  const authentication = (await me.json()).authentication;
  expect(authentication.scope).toBe("read");
  // The server's clock started at E2E_START when it started, a few minutes ago at most.
  const days = (Date.parse(authentication.expiresAt) - Date.parse(E2E_START)) / 86_400_000;
  expect(days).toBeGreaterThanOrEqual(30);
  expect(days).toBeLessThan(30.1);
  const write = await request.post("/api/v1/admin/items", { headers, data: { title: "只读令牌写入" } });
  expect(write.status()).toBe(403);
  expect((await write.json()).error.message).toBe("此 API 令牌只能读取，不能用于修改数据。");
  const row = page.getByTestId("api-tokens").getByRole("row", { name: /只读脚本/ });
  await expect(row).toContainText("只读");
  await expect(row.getByRole("button", { name: "撤销" })).toBeVisible();
});

test("the section head signs in to the console and out again", async ({ page }) => {
  await logIn(page, "head");
  await expect(page.getByTestId("current-user")).toContainText("赵建国（科室负责人，综合科）");
  // The dashboard counts what waits: the demo has items in review, applications and messages.
  await expect(page.getByTestId("tasks-count")).not.toHaveText("0");
  await expect(page.getByTestId("applications-due-soon-count")).toBeVisible();
  await expect(page.getByTestId("feedback-waiting-count")).toBeVisible();
  // "7 日内到期" opens its own list (not the overdue one), with as many rows as the card counts.
  const dueSoon = Number(await page.getByTestId("due-soon-count").innerText());
  await page
    .getByRole("listitem")
    .filter({ has: page.getByTestId("due-soon-count") })
    .getByRole("link", { name: "查看" })
    .click();
  await expect(page).toHaveURL(/[?&]due=soon/);
  if (dueSoon) await expect(page.locator("main table tbody tr")).toHaveCount(dueSoon);
  else await expect(page.getByText("没有符合条件的信息。")).toBeVisible();
  // The console menu marks the section the page belongs to.
  await expect(page.getByRole("navigation", { name: "工作台导航" }).getByRole("link", { name: "公开信息" })).toHaveAttribute("aria-current", "page");
  await logOut(page);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password and an unknown username get the same message", async ({ page }) => {
  for (const username of ["staff", "no-such-user"]) {
    await page.goto("/login");
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("密码").fill("wrong-password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("form-error")).toHaveText("用户名或密码不正确。");
  }
});

test("after five failures the login is refused for 15 minutes with a clear message", async ({ page }) => {
  for (let attempt = 1; attempt <= 6; attempt++) {
    await page.goto("/login");
    await page.getByLabel("用户名").fill("locked-out-user");
    await page.getByLabel("密码").fill("wrong-password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("form-error")).toBeVisible();
  }
  await expect(page.getByTestId("form-error")).toContainText("登录失败次数过多，请 15 分钟后再试");
});

test("staff cannot open admin pages", async ({ page }) => {
  await logIn(page, "staff");
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("link", { name: "用户管理" })).toHaveCount(0);
});

test("an admin creates a user, who signs in; once disabled, their session stops working", async ({ page, browser }) => {
  await logIn(page, "admin");
  await page.getByRole("link", { name: "用户管理" }).click();
  const form = page.getByRole("form", { name: "新建用户" });
  await form.getByLabel("用户名").fill("x");
  await form.getByRole("button", { name: "新建用户" }).click();
  await expect(form.getByText("用户名至少 2 个字符。")).toBeVisible();
  await expect(form.getByText("请填写姓名。")).toBeVisible();

  await form.getByLabel("用户名").fill("wangfang");
  await form.getByLabel("姓名").fill("王芳");
  await form.getByLabel("角色").selectOption("staff");
  await form.getByLabel("科室").selectOption({ label: "市容环境管理科" });
  await form.getByLabel("初始密码").fill("wangfang-2026");
  await form.getByRole("button", { name: "新建用户" }).click();
  await expect(page.getByTestId("form-success")).toHaveText("用户已创建。");
  await expect(page.getByRole("cell", { name: "王芳" })).toBeVisible();

  const other = await browser.newContext();
  const userPage = await other.newPage();
  await logIn(userPage, "wangfang", "wangfang-2026");
  await expect(userPage.getByTestId("current-user")).toContainText("王芳（科员，市容环境管理科）");

  await page.getByRole("link", { name: "编辑 wangfang" }).click();
  await page.getByRole("button", { name: "停用账号" }).click();
  await expect(page.getByRole("heading", { name: /wangfang/ })).toContainText("已停用");

  await userPage.goto("/admin");
  await expect(userPage).toHaveURL(/\/login/);
  const me = await userPage.request.get("/api/v1/me");
  expect(me.status()).toBe(401);

  await userPage.getByLabel("用户名").fill("wangfang");
  await userPage.getByLabel("密码").fill("wangfang-2026");
  await userPage.getByRole("button", { name: "登录" }).click();
  await expect(userPage.getByTestId("form-error")).toHaveText("该账号已停用，请联系系统管理员。");
  await other.close();
});

test("a user changes their own password: their other sessions and their tokens end, this one stays", async ({ page, browser, request }) => {
  await createUserAsAdmin(page, "lichen", "first-password");
  const elsewhere = await signedInElsewhere(browser, "lichen", "first-password");

  await logIn(page, "lichen", "first-password");
  await page.getByRole("link", { name: "我的账号" }).click();
  const tokenForm = page.getByRole("form", { name: "生成令牌" });
  await tokenForm.getByLabel("令牌名称").fill("读写脚本");
  await tokenForm.getByLabel("权限").selectOption({ label: "读写" });
  await tokenForm.getByRole("button", { name: "生成令牌" }).click();
  const token = (await page.getByTestId("form-secret").textContent())!.trim();
  expect((await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(200);

  await page.getByRole("link", { name: "我的账号" }).click();
  const change = page.getByRole("form", { name: "修改密码" });
  await change.getByLabel("当前密码").fill("not-my-password");
  await change.getByLabel(/^新密码/).fill("second-password");
  await change.getByLabel("确认新密码").fill("second-password");
  await change.getByRole("button", { name: "修改密码" }).click();
  await expect(change.getByText("当前密码不正确。")).toBeVisible();
  await change.getByLabel("当前密码").fill("first-password");
  await change.getByLabel(/^新密码/).fill("second-password");
  await change.getByLabel("确认新密码").fill("second-password");
  await change.getByRole("button", { name: "修改密码" }).click();
  await expect(change.getByTestId("form-success")).toHaveText("密码已修改。您在其他地方的登录和全部 API 令牌均已失效。");

  await page.goto("/admin");
  await expect(page.getByTestId("current-user")).toBeVisible();
  await elsewhere.goto("/admin");
  await expect(elsewhere).toHaveURL(/\/login/);
  expect((await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
  await page.goto("/admin/account");
  await expect(page.getByTestId("api-tokens").getByRole("row", { name: /读写脚本/ })).toContainText("已撤销");
  await logOut(page);
  await logIn(page, "lichen", "second-password");
  await elsewhere.context().close();
});

test("an admin's password reset ends every session of that user", async ({ page, browser }) => {
  await createUserAsAdmin(page, "zhouyu", "zhouyu-first");
  const user = await signedInElsewhere(browser, "zhouyu", "zhouyu-first");
  await logIn(page, "admin");
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "编辑 zhouyu" }).click();
  const reset = page.getByRole("form", { name: "重置密码" });
  await reset.getByLabel("新密码").fill("zhouyu-second");
  await reset.getByRole("button", { name: "重置密码" }).click();
  await expect(page.getByTestId("form-success")).toHaveText("密码已重置。该用户所有已登录的会话和 API 令牌均已失效；下次登录时须先修改这个密码。");
  await user.goto("/admin");
  await expect(user).toHaveURL(/\/login/);
  expect((await user.request.get("/api/v1/me")).status()).toBe(401);
  await user.context().close();
});
