import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_START } from "./e2e/support/clock";

const port = Number(process.env.E2E_PORT ?? 3100);
const executablePath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path): path is string =>
  Boolean(path && existsSync(path)),
);
export const e2eDataDir = ".tmp/e2e-data";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    // A trace of a failed test's retry (CI retries once): recording one for every test, to throw
    // away when it passes, cost about a tenth of the suite's time on 2 cores. Locally: --trace on.
    trace: "on-first-retry",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // A fresh embedded database with the demo data for every run.
    command: `rm -rf ${e2eDataDir} && node --conditions=react-server --import tsx scripts/serve.ts`,
    url: `http://localhost:${port}/api/health`,
    // A cold `next build` on a busy 2-core machine takes several minutes.
    timeout: 900_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    // The specs look at public pages right after publishing: each web process asks for the content
    // version on every page instead of at most once a second (PAGE_CACHE_VERSION_CHECK_MS).
    env: {
      PORT: String(port),
      DATA_DIR: e2eDataDir,
      // Below the ephemeral port range (32768+), where client sockets could already hold it.
      EMBEDDED_DATABASE_PORT: String(port + 26000),
      SEED_DEMO: "1",
      CLOCK_START_FOR_TESTS: E2E_START,
      PAGE_CACHE_VERSION_CHECK_MS: "0",
    },
  },
});
