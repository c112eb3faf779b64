import { expect, test } from "@playwright/test";
import { logIn, logOut } from "./support/session";

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
});

test("the section head signs in to the console and out again", async ({ page }) => {
  await logIn(page, "head");
  await expect(page.getByTestId("current-user")).toContainText("赵建国（科室负责人，综合科）");
  // The dashboard counts what waits: the demo has items in review, applications and messages.
  await expect(page.getByTestId("tasks-count")).not.toHaveText("0");
  await expect(page.getByTestId("applications-due-soon-count")).toBeVisible();
  await expect(page.getByTestId("feedback-waiting-count")).toBeVisible();
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

test("a user changes their own password", async ({ page }) => {
  await logIn(page, "admin");
  await page.getByRole("link", { name: "用户管理" }).click();
  const form = page.getByRole("form", { name: "新建用户" });
  await form.getByLabel("用户名").fill("lichen");
  await form.getByLabel("姓名").fill("李晨");
  await form.getByLabel("初始密码").fill("first-password");
  await form.getByRole("button", { name: "新建用户" }).click();
  await expect(page.getByTestId("form-success")).toBeVisible();
  await logOut(page);

  await logIn(page, "lichen", "first-password");
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
  await expect(page.getByTestId("form-success")).toHaveText("密码已修改。");
  await logOut(page);
  await logIn(page, "lichen", "second-password");
});
