import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash, randomInt } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import tar from "tar-stream";
import { loadActingUser } from "@/lib/auth/acting-user";
import { BackupError } from "@/lib/backup/backup-error";
import { createBackup } from "@/lib/backup/create-backup";
import { ZBackupManifest, type BackupManifest } from "@/lib/backup/manifest";
import { findPostgresTool } from "@/lib/backup/postgres-tools";
import { restoreBackup } from "@/lib/backup/restore-backup";
import { db } from "@/lib/db";
import { createItem } from "@/lib/items/manage-items";
import { withReceivedUploads } from "@/lib/items/received-uploads";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { buildPdf } from "../fixtures/attachment-files";
import { setEnvironment } from "../support/environment";
import { createEmptyDatabase, migrationsDir, useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let source: TestDatabase;
let sourceDataDir: string;
let workDir: string;
let archiveFile: string;
let backupManifest: BackupManifest;
const cleanups: Array<() => Promise<void> | void> = [];

const attachmentBytes = buildPdf("Backup test attachment 2026");

/** A data directory the embedded server (running as the postgres user when we are root) may enter. */
function makeDataDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createEmptyDatabase();
  cleanups.push(() => database.drop());
  return database;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Row count of every table of the public schema. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY relname`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = Number((await client.query(`SELECT count(*) FROM "${name}"`)).rows[0].count);
    return counts;
  });
}

/** Constraints, indexes and triggers of the public schema, as definitions. */
async function schemaObjects(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ line: string }>(
      `SELECT 'constraint ' || t.relname || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS line
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public'
       UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
       UNION ALL SELECT 'trigger ' || pg_get_triggerdef(g.oid) || ' ' || g.tgenabled::text
         FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public' AND NOT g.tgisinternal
       ORDER BY 1`,
    );
    return rows.map((row) => row.line);
  });
}

async function storedFiles(url: string): Promise<Array<{ storagePath: string; sha256: string }>> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ storagePath: string; sha256: string }>(
      `SELECT "storagePath", sha256 FROM "StoredFile" UNION ALL SELECT "storagePath", sha256 FROM "ServiceForm" ORDER BY 1`,
    );
    return rows;
  });
}

async function isEmpty(url: string): Promise<boolean> {
  return withClient(url, async (client) => {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'`);
    return rows[0].n === 0;
  });
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Rewrites an archive entry by entry (as an attacker or a flipped bit on disk would), keeping it a valid .tar.gz. */
async function rewriteArchive(from: string, to: string, change: (name: string, content: Buffer) => Buffer): Promise<void> {
  const extract = tar.extract();
  const entries: Array<{ name: string; content: Buffer }> = [];
  const reading = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk);
      entries.push({ name: entry.header.name, content: change(entry.header.name, Buffer.concat(chunks)) });
    }
  })();
  extract.end(gunzipSync(readFileSync(from)));
  await reading;
  const pack = tar.pack();
  for (const entry of entries) pack.entry({ name: entry.name }, entry.content);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk);
  writeFileSync(to, gzipSync(Buffer.concat(chunks)));
}

before(async () => {
  sourceDataDir = makeDataDir("gongkai-backup-source-");
  workDir = makeDataDir("gongkai-backup-work-");
  setEnvironment({ DATA_DIR: sourceDataDir });
  source = await useMigratedTestDatabase();
  await seedDemoData(() => {});
  // An item with an uploaded attachment, stored the way the console stores one.
  const staff = (await loadActingUser((await db.user.findUniqueOrThrow({ where: { username: "staff" } })).id))!;
  const category = await db.category.findFirstOrThrow({ where: { kind: "list" }, orderBy: { id: "asc" } });
  await withReceivedUploads([new File([Buffer.from(attachmentBytes)], "备份测试附件.pdf")], (uploads) =>
    createItem(staff, { title: "备份测试：带附件的草稿", body: "<p>正文</p>", categoryId: category.id, formedAt: "2026-11-02" }, uploads),
  );
  archiveFile = path.join(workDir, "backup.tar.gz");
  backupManifest = (await createBackup({ databaseUrl: source.url, dataDir: sourceDataDir, outFile: archiveFile, method: "copy" })).manifest;
});

after(async () => {
  await source.drop();
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("backup and restore", () => {
  test("a restore into a fresh database and data directory finds every item, application and attachment", async () => {
    const target = await freshDatabase();
    const targetDataDir = makeDataDir("gongkai-restore-");
    const summary = await restoreBackup({ databaseUrl: target.url, dataDir: targetDataDir, archiveFile, migrationsDir });

    const sourceCounts = await rowCounts(source.url);
    assert.ok(
      sourceCounts.Item > 30 && sourceCounts.Application > 0 && sourceCounts.StoredFile > 0 && sourceCounts.ServiceForm > 0,
      JSON.stringify(sourceCounts),
    );
    assert.deepEqual(await rowCounts(target.url), sourceCounts);
    assert.equal(
      summary.rows,
      Object.values(sourceCounts).reduce((a, b) => a + b, 0),
    );

    await withClient(target.url, async (client) => {
      const items = await client.query(`SELECT id, "indexNumber", state FROM "Item" ORDER BY id`);
      const applications = await client.query(`SELECT id, number, status FROM "Application" ORDER BY id`);
      const sourceItems = await db.item.findMany({ orderBy: { id: "asc" }, select: { id: true, indexNumber: true, state: true } });
      const sourceApplications = await db.application.findMany({ orderBy: { id: "asc" }, select: { id: true, number: true, status: true } });
      assert.deepEqual(items.rows, sourceItems);
      assert.deepEqual(applications.rows, sourceApplications);
    });

    // Every attachment the database names is on disk in the new DATA_DIR with the same bytes.
    const files = await storedFiles(target.url);
    assert.deepEqual(files, await storedFiles(source.url));
    for (const file of files) {
      const restored = readFileSync(path.join(targetDataDir, ...file.storagePath.split("/")));
      assert.equal(sha256(restored), file.sha256, file.storagePath);
      assert.deepEqual(restored, readFileSync(path.join(sourceDataDir, ...file.storagePath.split("/"))));
    }
    const uploaded = await db.storedFile.findFirstOrThrow({ where: { originalName: "备份测试附件.pdf" } });
    assert.deepEqual(new Uint8Array(readFileSync(path.join(targetDataDir, ...uploaded.storagePath.split("/")))), attachmentBytes);
    assert.deepEqual(readdirSync(targetDataDir).sort(), ["uploads"], "no staging folder is left behind");

    // Same constraints, indexes and (enabled) triggers; the audit log is still append-only;
    // new rows get ids after the restored ones.
    assert.deepEqual(await schemaObjects(target.url), await schemaObjects(source.url));
    await withClient(target.url, async (client) => {
      await assert.rejects(client.query(`UPDATE "AuditEvent" SET action = 'x'`), /append-only/);
      const { rows } = await client.query(`SELECT nextval('"Item_id_seq"') AS next, (SELECT max(id) FROM "Item") AS max`);
      assert.ok(Number(rows[0].next) > Number(rows[0].max), JSON.stringify(rows[0]));
      const history = await client.query(`SELECT migration_name, checksum, started_at FROM "_prisma_migrations" ORDER BY migration_name`);
      const sourceHistory = await withClient(source.url, (other) =>
        other.query(`SELECT migration_name, checksum, started_at FROM "_prisma_migrations" ORDER BY migration_name`),
      );
      assert.deepEqual(history.rows, sourceHistory.rows, "the migration history is the backup's own");
    });
  });

  test("the archive is one .tar.gz holding the manifest, every table and every uploaded file", () => {
    const manifest = backupManifest;
    assert.equal(ZBackupManifest.safeParse(manifest).success, true);
    assert.equal(manifest.database.method, "copy");
    assert.equal(manifest.createdAt.slice(0, 10), "2026-12-02", "stamped by the product's clock (pinned by the tests)");
    assert.deepEqual(
      manifest.database.migrations.map((migration) => migration.name),
      readdirSync(migrationsDir)
        .filter((name) => name !== "migration_lock.toml")
        .sort(),
    );
    assert.ok(manifest.database.tables.some((table) => table.name === "AuditEvent" && table.rows > 0));
    assert.ok(manifest.files.length >= 2, "the demo service forms and the uploaded attachment");
    assert.deepEqual(manifest.missingFiles, []);
    const listing = spawnSync("tar", ["tzf", archiveFile], { encoding: "utf8" });
    assert.equal(listing.status, 0, listing.stderr);
    const names = listing.stdout.trim().split("\n");
    assert.equal(names.at(-1), "manifest.json");
    assert.equal(names.filter((name) => name.startsWith("database/")).length, manifest.database.tables.length);
    for (const file of manifest.files) assert.ok(names.includes(file.entry), file.entry);
  });

  test("a damaged archive is refused with a clear message and leaves the database and DATA_DIR empty", async () => {
    const target = await freshDatabase();
    const targetDataDir = makeDataDir("gongkai-restore-damaged-");
    const original = readFileSync(archiveFile);

    const flipped = Buffer.from(original);
    for (let offset = Math.floor(flipped.length / 2); offset < Math.floor(flipped.length / 2) + 64; offset++) flipped[offset] ^= 0xff;
    const flippedFile = path.join(workDir, "flipped.tar.gz");
    writeFileSync(flippedFile, flipped);
    await assert.rejects(restoreBackup({ databaseUrl: target.url, dataDir: targetDataDir, archiveFile: flippedFile, migrationsDir }), (error: unknown) => {
      assert.ok(error instanceof BackupError, String(error));
      assert.match(error.message, /flipped\.tar\.gz: (the compressed data is damaged|it is not a readable tar\.gz archive).*Nothing was restored\./s);
      return true;
    });

    const cutFile = path.join(workDir, "cut.tar.gz");
    writeFileSync(cutFile, original.subarray(0, Math.floor(original.length * 0.6)));
    await assert.rejects(
      restoreBackup({ databaseUrl: target.url, dataDir: targetDataDir, archiveFile: cutFile, migrationsDir }),
      /cut\.tar\.gz: the file is cut short/,
    );

    // A valid archive whose Item rows were altered: the sha256 check names the part.
    const itemTable = backupManifest.database.tables.find((table) => table.name === "Item")!;
    const tamperedFile = path.join(workDir, "tampered.tar.gz");
    await rewriteArchive(archiveFile, tamperedFile, (name, content) => {
      if (name !== itemTable.entry) return content;
      const altered = Buffer.from(content);
      altered[Math.floor(altered.length / 2)] ^= 0x01;
      return altered;
    });
    await assert.rejects(
      restoreBackup({ databaseUrl: target.url, dataDir: targetDataDir, archiveFile: tamperedFile, migrationsDir }),
      new RegExp(`${itemTable.entry!.replace(".", "\\.")} is damaged`),
    );

    await assert.rejects(
      restoreBackup({ databaseUrl: target.url, dataDir: targetDataDir, archiveFile: path.join(workDir, "no-such-file.tar.gz"), migrationsDir }),
      /the file does not exist/,
    );

    assert.equal(await isEmpty(target.url), true, "nothing was written to the database");
    assert.deepEqual(readdirSync(targetDataDir), [], "nothing was written to DATA_DIR");
  });

  test("a restore into a database that is not empty is refused, and --force replaces it", async () => {
    const targetDataDir = makeDataDir("gongkai-restore-force-");
    const before = await rowCounts(source.url);
    await assert.rejects(restoreBackup({ databaseUrl: source.url, dataDir: targetDataDir, archiveFile, migrationsDir }), (error: unknown) => {
      assert.ok(error instanceof BackupError);
      assert.match(error.message, /The target database is not empty: schema "public" holds \d+ objects .*--force/s);
      return true;
    });
    assert.deepEqual(await rowCounts(source.url), before);
    assert.deepEqual(readdirSync(targetDataDir), []);

    // A database that has moved on since the backup (a new item, a file in uploads/) is replaced by --force.
    const target = await freshDatabase();
    await restoreBackup({ databaseUrl: target.url, dataDir: targetDataDir, archiveFile, migrationsDir });
    await withClient(target.url, (client) => client.query(`UPDATE "Agency" SET name = 'changed after the backup'`));
    writeFileSync(path.join(targetDataDir, "uploads", "stray.pdf"), "x");
    await assert.rejects(
      restoreBackup({ databaseUrl: target.url, dataDir: targetDataDir, archiveFile, migrationsDir }),
      /uploads already holds files: .*--force/,
    );
    await restoreBackup({ databaseUrl: target.url, dataDir: targetDataDir, archiveFile, migrationsDir, force: true });
    assert.deepEqual(await rowCounts(target.url), before);
    assert.equal(
      await withClient(
        target.url,
        async (client) => (await client.query(`SELECT count(*)::int AS n FROM "Agency" WHERE name = 'changed after the backup'`)).rows[0].n,
      ),
      0,
    );
    assert.equal(existsSync(path.join(targetDataDir, "uploads", "stray.pdf")), false);
    assert.deepEqual(readdirSync(targetDataDir), ["uploads"]);
  });

  test("a restore is refused when this copy's migrations differ from the backup's history, naming the difference", async () => {
    const target = await freshDatabase();
    const changedMigrations = path.join(workDir, "changed-migrations");
    cpSync(migrationsDir, changedMigrations, { recursive: true });
    const edited = readdirSync(changedMigrations)
      .filter((name) => name !== "migration_lock.toml")
      .sort()[1];
    writeFileSync(
      path.join(changedMigrations, edited, "migration.sql"),
      readFileSync(path.join(changedMigrations, edited, "migration.sql"), "utf8") + "\n-- edited\n",
    );
    await assert.rejects(
      restoreBackup({ databaseUrl: target.url, dataDir: makeDataDir("gongkai-restore-migrations-"), archiveFile, migrationsDir: changedMigrations }),
      new RegExp(`migration history does not match.*${edited} differs`, "s"),
    );
    assert.equal(await isEmpty(target.url), true);
  });

  test("without a pg_dump as new as the server, the backup is written with COPY; a PG_DUMP that is too old is refused", async () => {
    const fakeBin = path.join(workDir, "bin");
    const fakePgDump = path.join(fakeBin, "pg_dump");
    mkdirSync(fakeBin, { recursive: true });
    const serverMajor = await withClient(source.url, async (client) =>
      Math.floor(Number((await client.query("SHOW server_version_num")).rows[0].server_version_num) / 10000),
    );
    const olderVersion = `${serverMajor - 1}.18`;
    writeFileSync(fakePgDump, `#!/bin/sh\necho 'pg_dump (PostgreSQL) ${olderVersion}'\n`, { mode: 0o755 });
    const savedPath = process.env.PATH;
    const lines: string[] = [];
    try {
      process.env.PATH = `${fakeBin}:${savedPath}`;
      const summary = await createBackup({
        databaseUrl: source.url,
        dataDir: sourceDataDir,
        outFile: path.join(workDir, "auto.tar.gz"),
        log: (line) => lines.push(line),
      });
      assert.equal(summary.manifest.database.method, "copy");
      assert.match(lines.join("\n"), new RegExp(`pg_dump is version ${olderVersion}, older than the server \\(${serverMajor}\\).*COPY instead`));

      setEnvironment({ PG_DUMP: fakePgDump });
      await assert.rejects(
        createBackup({ databaseUrl: source.url, dataDir: sourceDataDir, outFile: path.join(workDir, "explicit.tar.gz") }),
        new RegExp(`Cannot back up with pg_dump: .*version ${olderVersion}, older than the server`),
      );
      assert.equal(existsSync(path.join(workDir, "explicit.tar.gz")), false);
    } finally {
      process.env.PATH = savedPath;
      setEnvironment({ PG_DUMP: undefined });
    }
  });

  test("with a pg_dump as new as the server, the backup is a pg_dump dump and comes back through pg_restore", async (context) => {
    const serverMajor = await withClient(source.url, async (client) =>
      Math.floor(Number((await client.query("SHOW server_version_num")).rows[0].server_version_num) / 10000),
    );
    const [pgDump, pgRestore] = await Promise.all([findPostgresTool("pg_dump"), findPostgresTool("pg_restore")]);
    if (!pgDump.tool || pgDump.tool.major < serverMajor || !pgRestore.tool || pgRestore.tool.major < serverMajor) {
      context.skip(`needs pg_dump and pg_restore ${serverMajor} or newer (found ${pgDump.tool?.version ?? "none"}); the embedded server ships none`);
      return;
    }
    const dumpFile = path.join(workDir, "pg-dump.tar.gz");
    const summary = await createBackup({ databaseUrl: source.url, dataDir: sourceDataDir, outFile: dumpFile });
    assert.equal(summary.manifest.database.method, "pg_dump");
    const target = await freshDatabase();
    const targetDataDir = makeDataDir("gongkai-restore-pg-dump-");
    await restoreBackup({ databaseUrl: target.url, dataDir: targetDataDir, archiveFile: dumpFile, migrationsDir });
    assert.deepEqual(await rowCounts(target.url), await rowCounts(source.url));
    assert.deepEqual(await schemaObjects(target.url), await schemaObjects(source.url));
    for (const file of await storedFiles(target.url)) assert.equal(sha256(readFileSync(path.join(targetDataDir, ...file.storagePath.split("/")))), file.sha256);
  });

  test("npm run db:restore brings a backup into a fresh DATA_DIR on the embedded server, and npm run db:backup backs it up again", () => {
    const dataDir = makeDataDir("gongkai-restore-embedded-");
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, EMBEDDED_DATABASE_PORT: String(randomInt(45000, 50000)) };
    delete env.DATABASE_URL;
    const run = (script: string, args: string[]) =>
      spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], { env, encoding: "utf8", timeout: 180_000 });

    const restored = run("scripts/db-restore.ts", [archiveFile]);
    assert.equal(restored.status, 0, restored.stdout + restored.stderr);
    assert.match(restored.stdout, /Restored the backup of .*: \d+ tables, \d+ rows, \d+ uploaded files/);
    const again = run("scripts/db-restore.ts", [archiveFile]);
    assert.equal(again.status, 1, again.stdout + again.stderr);
    assert.match(again.stderr, /already holds files.*--force.*Nothing was restored/);

    const secondArchive = path.join(workDir, "second.tar.gz");
    const backedUp = run("scripts/db-backup.ts", ["--out", secondArchive, "--method", "copy"]);
    assert.equal(backedUp.status, 0, backedUp.stdout + backedUp.stderr);
    assert.match(backedUp.stdout, /Backup written to .*second\.tar\.gz/);
    const second = readSecondManifest(secondArchive);
    const rowsOf = (manifest: BackupManifest) => Object.fromEntries(manifest.database.tables.map((table) => [table.name, table.rows]));
    assert.deepEqual(rowsOf(second), rowsOf(backupManifest));
    assert.deepEqual(second.files, backupManifest.files);
    assert.deepEqual(second.database.migrations, backupManifest.database.migrations);
  });
});

function readSecondManifest(file: string): BackupManifest {
  const listing = spawnSync("tar", ["xzOf", file, "manifest.json"], { encoding: "utf8" });
  assert.equal(listing.status, 0, listing.stderr);
  return ZBackupManifest.parse(JSON.parse(listing.stdout));
}
