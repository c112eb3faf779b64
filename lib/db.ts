import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { boundedPoolOptions } from "@/lib/database/database-client";

/** The one Prisma client of a process. DATABASE_URL is set by scripts/serve.ts for the embedded database. */
function createPrismaClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: start the product with `npm start`.");
  const adapter = new PrismaPg({
    connectionString,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // Bounds on every wait for the database, so that no request hangs while it is down or frozen
    // (tests/faults, docs/security.md): lib/database/database-client.ts.
    ...boundedPoolOptions(),
  });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { gongkaiPrisma?: PrismaClient };

function getPrismaClient(): PrismaClient {
  globalForPrisma.gongkaiPrisma ??= createPrismaClient();
  return globalForPrisma.gongkaiPrisma;
}

// Created on first use, so that importing a module (e.g. during `next build`) needs no database.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrismaClient();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type DatabaseTransaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export { Prisma } from "@/lib/generated/prisma/client";
