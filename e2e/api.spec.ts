import { expect, test, type Page } from "@playwright/test";
import { logIn } from "./support/session";

async function createToken(page: Page, username: string): Promise<string> {
  await logIn(page, username);
  await page.goto("/admin/account");
  const form = page.getByRole("form", { name: "生成令牌" });
  await form.getByLabel("权限").selectOption({ label: "读写" });
  await form.getByLabel("令牌名称").fill(`${username} 的脚本`);
  await form.getByRole("button", { name: "生成令牌" }).click();
  const token = (await page.getByTestId("form-secret").textContent())!.trim();
  expect(token).toMatch(/^gk_/);
  return token;
}

test("without a session or token the API answers 401 JSON", async ({ request }) => {
  const response = await request.get("/api/v1/me");
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: { code: "unauthenticated", message: "请先登录。" } });
  const badToken = await request.get("/api/v1/me", { headers: { Authorization: "Bearer gk_wrong" } });
  expect(badToken.status()).toBe(401);
});

test("a personal token acts with its user's role: 200, 403 and, once revoked, 401", async ({ page, request }) => {
  const token = await createToken(page, "staff");
  const headers = { Authorization: `Bearer ${token}` };
  const me = await request.get("/api/v1/me", { headers });
  expect(me.status()).toBe(200);
  expect((await me.json()).user).toMatchObject({ username: "staff", role: "staff", sectionName: "综合科" });

  const forbidden = await request.get("/api/v1/admin/users", { headers });
  expect(forbidden.status()).toBe(403);
  expect((await forbidden.json()).error.code).toBe("forbidden");

  await page.getByRole("button", { name: "撤销" }).click();
  await expect(page.getByRole("cell", { name: "已撤销" })).toBeVisible();
  expect((await request.get("/api/v1/me", { headers })).status()).toBe(401);
});

test("an invalid body gets 422 JSON listing each field's problem, and a valid one 201", async ({ page, request }) => {
  const token = await createToken(page, "admin");
  const headers = { Authorization: `Bearer ${token}` };
  const invalid = await request.post("/api/v1/admin/users", { headers, data: { username: "?", role: "king" } });
  expect(invalid.status()).toBe(422);
  const body = await invalid.json();
  expect(body.error.code).toBe("invalid");
  expect(Object.keys(body.error.fields).sort()).toEqual(["displayName", "password", "role", "sectionId", "username"]);

  const notJson = await request.post("/api/v1/admin/users", { headers: { ...headers, "Content-Type": "application/json" }, data: "{oops" });
  expect(notJson.status()).toBe(422);

  const sections = (await (await request.get("/api/v1/admin/sections", { headers })).json()).sections as { id: number; name: string }[];
  const sectionId = sections.find((section) => section.name === "综合执法大队")!.id;
  const created = await request.post("/api/v1/admin/users", {
    headers,
    data: { username: "api-made", displayName: "接口用户", role: "section_head", sectionId, password: "api-made-password" },
  });
  expect(created.status()).toBe(201);
  expect((await created.json()).user).toMatchObject({ username: "api-made", role: "section_head", sectionName: "综合执法大队" });
});

test("the session cookie also authenticates the API", async ({ page }) => {
  await logIn(page, "leader");
  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect((await me.json()).user.username).toBe("leader");
});
