// `prisma generate` otherwise tries to download the native schema engine, which these machines
// cannot do. Generation does not use it; migrations are applied by scripts/db-migrate.ts.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/gongkai" },
});
