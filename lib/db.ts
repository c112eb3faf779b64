import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { databasePool, replicaPool } from "@/lib/database/pool";
import { currentReadSource } from "@/lib/database/read-routing";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The one Prisma client of a process, on the process's one connection pool (lib/database/pool.ts).
 * DATABASE_URL is set by scripts/serve.ts for the embedded database.
 */
function createPrismaClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(databasePool()) });
}

const globalForPrisma = globalThis as unknown as { gongkaiPrisma?: PrismaClient; gongkaiReplicaPrisma?: PrismaClient };

/**
 * The client of the current read: the replica's (on DATABASE_REPLICA_URL) only inside a public
 * content read of an anonymous public request while the replica is usable
 * (lib/database/read-routing.ts), the primary's for everything else.
 */
function getPrismaClient(): PrismaClient {
  if (currentReadSource() === "replica") {
    globalForPrisma.gongkaiReplicaPrisma ??= new PrismaClient({ adapter: new PrismaPg(replicaPool()) });
    return globalForPrisma.gongkaiReplicaPrisma;
  }
  globalForPrisma.gongkaiPrisma ??= createPrismaClient();
  return globalForPrisma.gongkaiPrisma;
}

// Created on first use, so that importing a module (e.g. during `next build`) needs no database.
// Each use picks its client anew, so that one import serves both the primary and the replica.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrismaClient();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type DatabaseTransaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export { Prisma } from "@/lib/generated/prisma/client";
