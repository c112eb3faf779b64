// Fails early, with the fix, when no Chromium is available for the end-to-end tests.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
const found = candidates.find((path) => existsSync(path));
let playwrightBrowser = "";
try {
  playwrightBrowser = chromium.executablePath();
} catch {}
if (!found && !(playwrightBrowser && existsSync(playwrightBrowser))) {
  console.error(
    "No Chromium found for the end-to-end tests.\n" +
      "Install one: `apt-get install -y chromium` (Debian/Ubuntu, found at /usr/bin/chromium),\n" +
      "or `npx playwright install chromium` where downloads are allowed, or set CHROMIUM_PATH.",
  );
  process.exit(1);
}
