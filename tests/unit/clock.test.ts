import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { clockStartingAt, currentTime, setClock, withClock } from "@/lib/clock";
import { todayInBeijing } from "@/lib/dates";

test("a pinned clock starts at its instant, runs at real speed, and decides Beijing's day", async () => {
  setClock(clockStartingAt("2026-12-31T23:59:59.900+08:00"));
  try {
    assert.equal(todayInBeijing(), "2026-12-31");
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.ok(currentTime().getTime() >= new Date("2027-01-01T00:00:00+08:00").getTime());
    assert.equal(todayInBeijing(), "2027-01-01");
  } finally {
    setClock(null);
  }
  assert.ok(Math.abs(currentTime().getTime() - Date.now()) < 1000, "null restores the system clock");
});

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

test("the product reads the time only through lib/clock.ts", () => {
  const offenders = ["lib", "app", "components", "prisma/seed"]
    .flatMap((directory) => sourceFiles(path.join(process.cwd(), directory)))
    .filter((file) => !file.endsWith(path.join("lib", "clock.ts")))
    .flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, index) => ({ line, where: `${path.relative(process.cwd(), file)}:${index + 1}` }))
        .filter(({ line }) => /new Date\(\)|Date\.now\(\)/.test(line))
        .map(({ where }) => where),
    );
  assert.deepEqual(offenders, [], "use currentTime() from lib/clock.ts, so that tests can set the time");
});

test("withClock runs back-dated work on its own clock and puts the previous clock back, also after a failure", async () => {
  setClock(clockStartingAt("2026-12-02T10:00:00+08:00"));
  try {
    assert.equal(await withClock(clockStartingAt("2018-01-19T10:30:00+08:00"), async () => todayInBeijing()), "2018-01-19");
    assert.equal(todayInBeijing(), "2026-12-02");
    await assert.rejects(
      withClock(clockStartingAt("2018-01-19T10:30:00+08:00"), async () => {
        throw new Error("seed failed");
      }),
      /seed failed/,
    );
    assert.equal(todayInBeijing(), "2026-12-02");
  } finally {
    setClock(null);
  }
});
