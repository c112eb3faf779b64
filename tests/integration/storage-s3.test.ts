import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { GET as getSiteLogo } from "@/app/site-logo/[file]/route";
import { updateSiteIdentity } from "@/lib/agency/site-identity";
import { logoUrlOf } from "@/lib/agency/site-identity-format";
import { serveStoredFile } from "@/lib/attachments/serve-stored-file";
import type { ActingUser } from "@/lib/auth/acting-user";
import { BackupError } from "@/lib/backup/backup-error";
import { createBackup } from "@/lib/backup/create-backup";
import { restoreBackup } from "@/lib/backup/restore-backup";
import { db } from "@/lib/db";
import { findDownloadableAttachment } from "@/lib/items/attachment-access";
import { createItem } from "@/lib/items/manage-items";
import { withReceivedUploads } from "@/lib/items/received-uploads";
import { attachmentStore } from "@/lib/storage/attachment-store";
import type { ObjectStore } from "@/lib/storage/object-store";
import { createS3Store } from "@/lib/storage/s3-store";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { buildPdf } from "../fixtures/attachment-files";
import { setEnvironment } from "../support/environment";
import { insertSection, insertUser } from "../support/fixtures";
import { tinyPngBytes, tinyPngFile } from "../support/images";
import { startTestS3Server, type TestS3Server } from "../support/s3-server";
import { createEmptyDatabase, migrationsDir, useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The product on the S3 driver (STORAGE_URL pointing at s3rver on 127.0.0.1): uploads land in the
 * bucket and download from it, `npm run db:backup`/`db:restore` take the files from and give them
 * back to the bucket, and `npm run storage:migrate` moves them between the bucket and DATA_DIR.
 */

let s3: TestS3Server;
let database: TestDatabase;
let dataDir: string;
let staff: ActingUser;
let admin: ActingUser;
let bucket: ObjectStore;
const cleanups: Array<() => Promise<void> | void> = [];
const attachmentBytes = buildPdf("Attachment stored in the bucket 2026");
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function makeDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

before(async () => {
  s3 = await startTestS3Server();
  dataDir = makeDir("gongkai-storage-s3-");
  setEnvironment({ DATA_DIR: dataDir, ...s3.environment("site") });
  database = await useMigratedTestDatabase();
  await seedBaseData();
  const sectionId = await insertSection();
  staff = await insertUser("staff", { sectionId });
  admin = await insertUser("admin");
  bucket = createS3Store(s3.location("site"), s3.credentials);
});

after(async () => {
  await database.drop();
  setEnvironment({ STORAGE_URL: undefined, STORAGE_ACCESS_KEY_ID: undefined, STORAGE_SECRET_ACCESS_KEY: undefined });
  for (const cleanup of cleanups.reverse()) await cleanup();
  await s3.close();
});

async function uploadedAttachment() {
  return db.itemAttachment.findFirstOrThrow({ where: { file: { originalName: "存储桶附件.pdf" } }, include: { file: true } });
}

describe("the product on the S3 driver", () => {
  test("an uploaded attachment is stored in the bucket (not in DATA_DIR) and downloads from it; a lost object is a 404", async () => {
    const categoryId = (await db.category.findUniqueOrThrow({ where: { slug: "normative-documents" } })).id;
    await withReceivedUploads([new File([Buffer.from(attachmentBytes)], "存储桶附件.pdf")], (uploads) =>
      createItem(staff, { title: "对象存储：带附件的草稿", body: "<p>正文</p>", categoryId, formedAt: "2026-11-02" }, uploads),
    );
    const attachment = await uploadedAttachment();
    assert.match(attachment.file.storagePath, /^uploads\/\d{4}\/\d{2}\/[0-9a-f-]{36}\.pdf$/);
    assert.equal(existsSync(path.join(dataDir, "uploads")), false, "nothing under DATA_DIR/uploads");
    assert.deepEqual(new Uint8Array(await bucket.read(attachment.file.storagePath)), attachmentBytes);

    const response = await serveStoredFile(() => findDownloadableAttachment(attachment.id, staff));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("Content-Type"), "application/pdf");
    assert.equal(response.headers.get("Content-Length"), String(attachmentBytes.byteLength));
    assert.match(response.headers.get("Content-Disposition") ?? "", /filename\*=UTF-8''%E5%AD%98/);
    assert.equal(response.headers.get("Cache-Control"), "private, no-store", "a draft's attachment is not cacheable");
    assert.deepEqual(new Uint8Array(await response.arrayBuffer()), attachmentBytes);

    // Someone emptied the bucket: the download is a clean 404, not a 500.
    await bucket.remove(attachment.file.storagePath);
    const missing = await serveStoredFile(() => findDownloadableAttachment(attachment.id, staff));
    assert.equal(missing.status, 404);
    assert.match(JSON.stringify(await missing.json()), /附件文件不存在/);
    await bucket.put(attachment.file.storagePath, attachmentBytes);

    // A failed save removes its upload from the bucket again.
    const before = (await keysIn(bucket)).length;
    await assert.rejects(
      withReceivedUploads([new File([Buffer.from(buildPdf("rolled back"))], "回滚.pdf")], () => Promise.reject(new Error("the transaction failed"))),
      /the transaction failed/,
    );
    assert.equal((await keysIn(bucket)).length, before);
  });

  test("the site emblem is stored in the bucket and served by /site-logo/<file> from it", async () => {
    await updateSiteIdentity(admin, { sponsorName: "绥芬河市城市管理和综合行政执法局", logo: tinyPngFile() });
    const agency = await db.agency.findFirstOrThrow({ where: { isDefault: true } });
    assert.deepEqual(new Uint8Array(await bucket.read(agency.logoStoragePath!)), new Uint8Array(tinyPngBytes));
    const url = logoUrlOf(agency)!;
    const response = await getSiteLogo(new Request(`http://localhost${url}`), { params: Promise.resolve({ file: url.split("/").pop()! }) });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("Content-Type"), "image/png");
    assert.equal(response.headers.get("Content-Length"), String(tinyPngBytes.byteLength));
    assert.match(response.headers.get("Cache-Control") ?? "", /immutable/);
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), tinyPngBytes);
    assert.equal(existsSync(path.join(dataDir, "uploads")), false);
  });

  test("db:backup takes the files from the bucket, and db:restore puts them into a bucket again", async () => {
    const archiveFile = path.join(makeDir("gongkai-storage-s3-backup-"), "backup.tar.gz");
    const { manifest } = await createBackup({ databaseUrl: database.url, dataDir, store: attachmentStore(), outFile: archiveFile, method: "copy" });
    const attachment = await uploadedAttachment();
    const agency = await db.agency.findFirstOrThrow({ where: { isDefault: true } });
    const entries = manifest.files.map((file) => file.entry).sort();
    assert.deepEqual(entries, [attachment.file.storagePath, agency.logoStoragePath!].sort());
    assert.equal(manifest.files.find((file) => file.entry === attachment.file.storagePath)!.sha256, attachment.file.sha256);
    assert.deepEqual(manifest.missingFiles, []);

    const target = await createEmptyDatabase();
    cleanups.push(() => target.drop());
    const restoredDataDir = makeDir("gongkai-storage-s3-restored-");
    const restoredBucket = createS3Store(s3.location("restored"), s3.credentials);
    const summary = await restoreBackup({ databaseUrl: target.url, dataDir: restoredDataDir, store: restoredBucket, archiveFile, migrationsDir });
    assert.equal(summary.files, 2);
    assert.deepEqual(new Uint8Array(await restoredBucket.read(attachment.file.storagePath)), attachmentBytes);
    assert.equal(sha256(await restoredBucket.read(agency.logoStoragePath!)), agency.logoSha256);
    assert.deepEqual(readdirSync(restoredDataDir), [], "the files went to the bucket; no staging folder is left");

    // A bucket that already holds files is refused without --force; --force replaces its files.
    await restoredBucket.put("uploads/2026/12/stray.pdf", buildPdf("not in the backup"));
    await assert.rejects(
      restoreBackup({ databaseUrl: target.url, dataDir: restoredDataDir, store: restoredBucket, archiveFile, migrationsDir }),
      (error: unknown) => error instanceof BackupError && /s3:\/\/gongkai-test\/restored .*already holds files: .*--force/.test(error.message),
    );
    await restoreBackup({ databaseUrl: target.url, dataDir: restoredDataDir, store: restoredBucket, archiveFile, migrationsDir, force: true });
    assert.deepEqual((await keysIn(restoredBucket)).sort(), entries);
  });

  test("storage:migrate copies every file from the bucket to DATA_DIR and back, verifies each, skips what is there, and fails on a mismatch", async () => {
    const attachment = await uploadedAttachment();
    const agency = await db.agency.findFirstOrThrow({ where: { isDefault: true } });
    const stray = buildPdf("a file no row refers to");
    await bucket.put("uploads/2025/01/unreferenced.pdf", stray);
    const localFile = (key: string) => path.join(dataDir, ...key.split("/"));

    const first = await runMigrate(["--from", "s3", "--to", "local"]);
    assert.equal(first.code, 0, first.output);
    assert.match(first.output, /3 files copied .* 0 already there, 0 missing from the source, 0 mismatched \(2 named by the database, 1 others/);
    assert.deepEqual(new Uint8Array(readFileSync(localFile(attachment.file.storagePath))), attachmentBytes);
    assert.equal(sha256(readFileSync(localFile(agency.logoStoragePath!))), agency.logoSha256);
    assert.deepEqual(new Uint8Array(readFileSync(localFile("uploads/2025/01/unreferenced.pdf"))), stray);

    const again = await runMigrate(["--from", "s3", "--to", "local"]);
    assert.equal(again.code, 0, again.output);
    assert.match(again.output, /0 files copied .* 3 already there/);

    // A damaged copy in the target (same size, other bytes) is copied again.
    const damaged = Buffer.from(attachmentBytes);
    damaged[10] ^= 0xff;
    writeFileSync(localFile(attachment.file.storagePath), damaged);
    const repaired = await runMigrate(["--from", "s3", "--to", "local"]);
    assert.equal(repaired.code, 0, repaired.output);
    assert.match(repaired.output, /1 files copied .* 2 already there/);
    assert.deepEqual(new Uint8Array(readFileSync(localFile(attachment.file.storagePath))), attachmentBytes);

    // And the other way, into a fresh prefix of the bucket.
    const back = await runMigrate(["--from", "local", "--to", `s3://${s3.bucket}/moved?endpoint=${encodeURIComponent(s3.endpoint)}&forcePathStyle=true`]);
    assert.equal(back.code, 0, back.output);
    assert.match(back.output, /3 files copied/);
    const moved = createS3Store(s3.location("moved"), s3.credentials);
    assert.deepEqual(new Uint8Array(await moved.read(attachment.file.storagePath)), attachmentBytes);

    // A source whose bytes differ from the database's sha256 is reported, not spread, and the command fails.
    await moved.put(attachment.file.storagePath, damaged);
    rmSync(localFile(attachment.file.storagePath));
    const mismatch = await runMigrate(["--from", `s3://${s3.bucket}/moved?endpoint=${encodeURIComponent(s3.endpoint)}&forcePathStyle=true`, "--to", "local"]);
    assert.equal(mismatch.code, 1, mismatch.output);
    assert.match(
      mismatch.output,
      new RegExp(`1 mismatched[\\s\\S]*${attachment.file.storagePath.replaceAll(".", "\\.")}: .*the database has ${attachment.file.sha256}; not copied`),
    );
    assert.equal(existsSync(localFile(attachment.file.storagePath)), false, "the damaged file was not copied");

    // Without an s3:// STORAGE_URL, "s3" is refused with a clear message before anything is done.
    const unconfigured = await runMigrate(["--from", "local", "--to", "s3"], { STORAGE_URL: "", STORAGE_ACCESS_KEY_ID: "", STORAGE_SECRET_ACCESS_KEY: "" });
    assert.equal(unconfigured.code, 1);
    assert.match(unconfigured.output, /--to s3: STORAGE_URL is not set to an s3:\/\/ address/);
  });
});

async function keysIn(store: ObjectStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of store.list()) keys.push(object.key);
  return keys;
}

/** `npm run storage:migrate -- …` against this file's database, DATA_DIR and bucket. */
async function runMigrate(args: string[], environment: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/storage-migrate.ts", ...args], {
    env: { ...process.env, DATABASE_URL: database.url, DATA_DIR: dataDir, ...s3.environment("site"), ...environment },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { code, output };
}
