import path from "node:path";
import { readConfig } from "@/lib/config";
import { embeddedDatabaseUrl, ensureDatabaseExists, findRunningServer, startEmbeddedPostgres } from "@/lib/database/embedded-postgres";
import { readOrCreateSecrets } from "@/lib/runtime/secrets";

export const EMBEDDED_DATABASE_NAME = "gongkai";

export type OpenedDatabase = {
  url: string;
  embedded: boolean;
  /** True when the embedded cluster or its database was created by this call. */
  createdNow: boolean;
  close(): Promise<void>;
};

type OpenOptions = {
  dataDir: string;
  /** The server owns the embedded cluster; a tool reuses a running one and only starts it if needed. */
  role: "server" | "tool";
  log?: (line: string) => void;
};

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR/postgres. */
export async function openDatabase({ dataDir, role, log }: OpenOptions): Promise<OpenedDatabase> {
  const { DATABASE_URL, EMBEDDED_DATABASE_PORT: port } = readConfig();
  if (DATABASE_URL) {
    return { url: DATABASE_URL, embedded: false, createdNow: false, close: async () => {} };
  }
  const databaseDir = path.join(dataDir, "postgres");
  const { embeddedDatabasePassword: password } = readOrCreateSecrets(dataDir);
  const running = role === "tool" ? findRunningServer(databaseDir) : null;
  if (running) {
    const created = await ensureDatabaseExists(embeddedDatabaseUrl(running.port, password, "postgres"), EMBEDDED_DATABASE_NAME);
    return { url: embeddedDatabaseUrl(running.port, password, EMBEDDED_DATABASE_NAME), embedded: true, createdNow: created, close: async () => {} };
  }
  const server = await startEmbeddedPostgres({ databaseDir, port, password, log });
  const created = await ensureDatabaseExists(server.urlFor("postgres"), EMBEDDED_DATABASE_NAME);
  return {
    url: server.urlFor(EMBEDDED_DATABASE_NAME),
    embedded: true,
    createdNow: server.createdNow || created,
    close: () => server.stop(),
  };
}
