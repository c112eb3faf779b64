import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { databasePool } from "@/lib/database/pool";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The one Prisma client of a process, on the process's one connection pool (lib/database/pool.ts).
 * DATABASE_URL is set by scripts/serve.ts for the embedded database.
 */
function createPrismaClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(databasePool()) });
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
