import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { e2eDataDir } from "../playwright.config";

/** The embedded postmaster and its backends: stopping them all makes the database unreachable. */
function postgresProcesses(): number[] {
  const root = Number(readFileSync(path.join(e2eDataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
  const children = (pid: number): number[] => {
    const file = `/proc/${pid}/task/${pid}/children`;
    if (!existsSync(file)) return [];
    return readFileSync(file, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number)
      .flatMap((child) => [child, ...children(child)]);
  };
  return [root, ...children(root)];
}

test("health reports the database, answers 503 while it is unreachable, and recovers", async ({ request }) => {
  const healthy = await request.get("/api/health");
  expect(healthy.status()).toBe(200);
  expect(await healthy.json()).toEqual({ status: "ok", database: "ok" });

  const stopped = postgresProcesses();
  for (const pid of stopped) process.kill(pid, "SIGSTOP");
  try {
    const down = await request.get("/api/health", { timeout: 15_000 });
    expect(down.status()).toBe(503);
    expect((await down.json()).database).toBe("unavailable");
    const home = await request.get("/api/health", { timeout: 15_000 });
    expect(home.status(), "the web server itself stays up").toBe(503);
  } finally {
    for (const pid of stopped) process.kill(pid, "SIGCONT");
  }
  await expect.poll(async () => (await request.get("/api/health")).status(), { timeout: 20_000 }).toBe(200);
});
