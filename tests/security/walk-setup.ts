/**
 * The database both in-process walks use (the authorization matrix and the fuzz run of the
 * handlers): a throwaway migrated database with the demo installation's data and accounts
 * (seedDemoData), the matrix's fixtures, and the change log that tells whether a request changed
 * anything. Call in `before`; the returned function drops it all.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { MatrixFixtures } from "./matrix-fixtures";
import { installChangeLog } from "./matrix-walk";
import { useMigratedTestDatabase } from "../support/test-database";

export async function setUpWalk(name: string): Promise<{ fx: MatrixFixtures; tearDown: () => Promise<void> }> {
  process.env.AUTH_SECRET = `${name}-secret-0123456789abcdef`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `gongkai-${name}-`));
  process.env.DATA_DIR = dataDir;
  const database = await useMigratedTestDatabase();
  await seedDemoData(() => {});
  const fx = await MatrixFixtures.create();
  await installChangeLog();
  return {
    fx,
    async tearDown() {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
