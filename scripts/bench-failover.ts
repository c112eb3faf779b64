/**
 * `npm run bench:failover`: the failover load test alone (bench/failover.ts), on a small throwaway
 * database of its own: two application servers behind the nginx example, one killed mid-run; prints
 * the requests lost and exits non-zero when any was. Needs nginx (`apt-get install nginx`) and a
 * production build (made when missing, as `npm start` does). `npm run bench` runs the same test
 * on its large dataset.
 */
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { useDatabaseUrl } from "@/lib/config";
import { startEmbeddedPostgres } from "@/lib/database/embedded-postgres";
import { applyMigrations } from "@/lib/database/migrate";
import { buildIfStale } from "@/lib/runtime/build-fingerprint";
import { failoverLines, runFailover } from "../bench/failover";
import { findNginx } from "../bench/nginx";

const root = process.cwd();
const log = (line: string) => console.log(`[bench:failover] ${line}`);
const port = Number(process.env.BENCH_PORT ?? 3_199);

async function main(): Promise<number> {
  const nginx = findNginx();
  if (!nginx) {
    log("nginx is not installed (apt-get install nginx): nothing measured.");
    return 1;
  }
  if (!(await buildIfStale(root, log))) return 1;
  const directory = path.join(os.tmpdir(), `gongkai-failover-${process.pid}`);
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true, mode: 0o755 });
  const database = await startEmbeddedPostgres({ databaseDir: path.join(directory, "postgres"), port: port + 10, password: "failover" });
  try {
    const url = database.urlFor("postgres");
    useDatabaseUrl(url);
    await applyMigrations(url, path.join(root, "prisma", "migrations"));
    const { seedBaseData } = await import("../prisma/seed/seed-base");
    await seedBaseData();
    const result = await runFailover({
      root,
      nginxBinary: nginx,
      databaseUrl: url,
      directory,
      listenPort: port,
      serverPorts: [port + 1, port + 2],
      paths: ["/", "/catalogue/statutory", "/search?q=%E5%85%AC%E5%BC%80", "/api/health"],
      log,
    });
    for (const line of failoverLines(result)) console.log(line);
    return result.lost === 0 ? 0 : 1;
  } finally {
    await database.stop();
    rmSync(directory, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
