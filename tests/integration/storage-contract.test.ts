import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { after, before, describe, test } from "node:test";
import { storeAttachmentFile } from "@/lib/attachments/store-file";
import { NotFoundError } from "@/lib/errors";
import { createLocalDirectoryStore } from "@/lib/storage/local-directory-store";
import type { ObjectStore } from "@/lib/storage/object-store";
import { createS3Store } from "@/lib/storage/s3-store";
import { buildPdf } from "../fixtures/attachment-files";
import { startTestS3Server, type TestS3Server } from "../support/s3-server";

/**
 * The storage contract (lib/storage/object-store.ts), run against both drivers: the local
 * directory and the S3 driver talking to a real S3-compatible server (s3rver, from npm, on
 * 127.0.0.1). Whatever passes here holds for the attachment code on either driver.
 */

type Driver = {
  name: string;
  store: () => ObjectStore;
  /** Whether the service behind it stores a write whole or not at all (true), or why not. */
  keepsOldObjectOnInterruptedWrite: boolean | string;
};

let s3: TestS3Server;
let localDir: string;
const drivers: Driver[] = [
  { name: "local directory", store: () => createLocalDirectoryStore(localDir), keepsOldObjectOnInterruptedWrite: true },
  {
    name: "S3 (s3rver)",
    store: () => createS3Store(s3.location("contract"), s3.credentials),
    keepsOldObjectOnInterruptedWrite: "s3rver writes objects in place; S3, MinIO, Ceph, OSS and COS store a PUT whole or not at all",
  },
];

before(async () => {
  localDir = mkdtempSync(path.join(os.tmpdir(), "gongkai-storage-contract-"));
  s3 = await startTestS3Server();
});

after(async () => {
  await s3.close();
  rmSync(localDir, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function streamed(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** A stream of `bytes` in chunks of `chunkSize`, as a file or another store would give them. */
function chunked(bytes: Uint8Array, chunkSize = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let offset = 0; offset < bytes.byteLength; offset += chunkSize) yield Buffer.from(bytes.subarray(offset, offset + chunkSize));
    })(),
  );
}

async function keysOf(store: ObjectStore): Promise<Map<string, number>> {
  const keys = new Map<string, number>();
  for await (const object of store.list()) keys.set(object.key, object.size);
  return keys;
}

for (const driver of drivers) {
  describe(`the storage contract: ${driver.name}`, () => {
    test("what is written is read back whole, as bytes and as a stream with its size", async () => {
      const store = driver.store();
      const bytes = buildPdf("contract: write and read");
      await store.put("uploads/2026/12/write-read.pdf", bytes);
      assert.deepEqual(new Uint8Array(await store.read("uploads/2026/12/write-read.pdf")), bytes);
      const opened = await store.openRead("uploads/2026/12/write-read.pdf");
      assert.equal(opened.size, bytes.byteLength);
      assert.deepEqual(new Uint8Array(await streamed(opened.stream)), bytes);
      assert.deepEqual(await store.stat("uploads/2026/12/write-read.pdf"), { size: bytes.byteLength });
      assert.equal((await keysOf(store)).get("uploads/2026/12/write-read.pdf"), bytes.byteLength);
    });

    test("a missing object is a NotFoundError (a 404 for the download routes), and removing one is harmless", async () => {
      const store = driver.store();
      await assert.rejects(store.read("uploads/2026/12/never-stored.pdf"), NotFoundError);
      await assert.rejects(store.openRead("uploads/2026/12/never-stored.pdf"), NotFoundError);
      assert.equal(await store.stat("uploads/2026/12/never-stored.pdf"), null);
      await store.remove("uploads/2026/12/never-stored.pdf");
    });

    test("a removed object is gone for read, stat and list; removing it again is harmless", async () => {
      const store = driver.store();
      await store.put("uploads/2026/12/removed.pdf", buildPdf("to be removed"));
      await store.remove("uploads/2026/12/removed.pdf");
      await assert.rejects(store.read("uploads/2026/12/removed.pdf"), NotFoundError);
      assert.equal(await store.stat("uploads/2026/12/removed.pdf"), null);
      assert.equal((await keysOf(store)).has("uploads/2026/12/removed.pdf"), false);
      await store.remove("uploads/2026/12/removed.pdf");
    });

    test("an overwrite replaces the object whole; a longer old object leaves no tail behind", async () => {
      const store = driver.store();
      const long = randomBytes(300_000);
      const short = buildPdf("the newer, shorter file");
      await store.put("uploads/2026/12/overwritten.pdf", long);
      await store.put("uploads/2026/12/overwritten.pdf", { stream: chunked(short), size: short.byteLength });
      assert.deepEqual(new Uint8Array(await store.read("uploads/2026/12/overwritten.pdf")), short);
      assert.deepEqual(await store.stat("uploads/2026/12/overwritten.pdf"), { size: short.byteLength });
    });

    test("a stream that ends short of, or runs past, its announced size fails the write and stores nothing new", async () => {
      const store = driver.store();
      const bytes = randomBytes(200_000);
      await assert.rejects(
        store.put("uploads/2026/12/cut-short.pdf", { stream: chunked(bytes.subarray(0, 150_000)), size: bytes.byteLength }),
        /ended after 150000 of 200000 bytes/,
      );
      await assert.rejects(store.put("uploads/2026/12/too-long.pdf", { stream: chunked(bytes), size: 100_000 }), /longer than the 100000 bytes announced/);
    });

    test(
      "an interrupted write stores nothing new, and an interrupted overwrite keeps the old object",
      { skip: driver.keepsOldObjectOnInterruptedWrite === true ? false : String(driver.keepsOldObjectOnInterruptedWrite) },
      async () => {
        const store = driver.store();
        await assert.rejects(store.put("uploads/2026/12/cut-short.pdf", { stream: chunked(randomBytes(1000)), size: 2000 }));
        assert.equal(await store.stat("uploads/2026/12/cut-short.pdf"), null, "no object under the key");
        await assert.rejects(store.read("uploads/2026/12/cut-short.pdf"), NotFoundError);
        assert.equal((await keysOf(store)).has("uploads/2026/12/cut-short.pdf"), false);

        const old = buildPdf("the object before the interrupted write");
        await store.put("uploads/2026/12/interrupted.pdf", old);
        const replacement = randomBytes(100_000);
        await assert.rejects(store.put("uploads/2026/12/interrupted.pdf", { stream: chunked(replacement.subarray(0, 10_000)), size: 100_000 }));
        assert.deepEqual(new Uint8Array(await store.read("uploads/2026/12/interrupted.pdf")), old);
      },
    );

    test("a large file (24 MB, more than the default attachment limit) goes in and out intact, from a buffer and from a stream", async () => {
      const store = driver.store();
      const large = randomBytes(24 * 1024 * 1024);
      const started = performance.now();
      await store.put("uploads/2026/12/large-buffer.bin", large);
      await store.put("uploads/2026/12/large-stream.bin", { stream: chunked(large, 1024 * 1024), size: large.byteLength });
      for (const key of ["uploads/2026/12/large-buffer.bin", "uploads/2026/12/large-stream.bin"]) {
        const opened = await store.openRead(key);
        assert.equal(opened.size, large.byteLength, key);
        const hash = createHash("sha256");
        for await (const chunk of opened.stream as AsyncIterable<Buffer>) hash.update(chunk);
        assert.equal(hash.digest("hex"), sha256(large), key);
      }
      console.log(`[storage-contract] ${driver.name}: 2 × 24 MB written and read back in ${Math.round(performance.now() - started)} ms`);
      await store.remove("uploads/2026/12/large-buffer.bin");
      await store.remove("uploads/2026/12/large-stream.bin");
    });

    test("an uploaded file's Chinese name is never its key; a key written in Chinese (older installations) still works", async () => {
      const store = driver.store();
      const bytes = buildPdf("2017 annual report");
      const stored = await storeAttachmentFile({ store, bytes, originalName: "2017年政府信息公开工作年度报告.pdf", now: new Date(2026, 11, 2) });
      assert.match(stored.storagePath, /^uploads\/2026\/12\/[0-9a-f-]{36}\.pdf$/);
      assert.equal(stored.originalName, "2017年政府信息公开工作年度报告.pdf");
      assert.deepEqual(new Uint8Array(await store.read(stored.storagePath)), bytes);
      assert.equal(stored.sha256, sha256(bytes));

      const chineseKey = "uploads/2017/05/申请表 (第2版).docx";
      await store.put(chineseKey, bytes);
      assert.deepEqual(new Uint8Array(await store.read(chineseKey)), bytes);
      assert.equal((await keysOf(store)).get(chineseKey), bytes.byteLength);
      await store.remove(chineseKey);
      assert.equal(await store.stat(chineseKey), null);
    });

    test("keys outside uploads/ (a tampered storagePath) are refused before anything is read, written or removed", async () => {
      const store = driver.store();
      const refused = [
        "../secrets.json",
        "secrets.json",
        "uploads",
        "uploads/",
        "uploads/../secrets.json",
        "uploads/2026/../../secrets.json",
        "uploads/./a.pdf",
        "uploads//a.pdf",
        "uploads/.hidden.pdf",
        "uploads/..\\secrets.json",
        "uploads/2026/11/a.pdf\u0000.png",
        "/uploads/a.pdf",
        `uploads/${"长".repeat(400)}.pdf`,
      ];
      for (const key of refused) {
        await assert.rejects(store.put(key, new Uint8Array([1])), /outside uploads/, key);
        await assert.rejects(store.read(key), /outside uploads/, key);
        await assert.rejects(store.openRead(key), /outside uploads/, key);
        await assert.rejects(store.stat(key), /outside uploads/, key);
        await assert.rejects(store.remove(key), /outside uploads/, key);
      }
      for (const key of (await keysOf(store)).keys()) assert.ok(key.startsWith("uploads/") && !key.includes(".."), key);
    });

    test("list gives every object under uploads/ with its size, and nothing half-written", async () => {
      const store = driver.store();
      const before = await keysOf(store);
      await store.put("uploads/2026/12/listed-a.pdf", new Uint8Array(10));
      await store.put("uploads/2027/01/listed-b.pdf", new Uint8Array(20));
      const after = await keysOf(store);
      assert.equal(after.get("uploads/2026/12/listed-a.pdf"), 10);
      assert.equal(after.get("uploads/2027/01/listed-b.pdf"), 20);
      assert.equal(after.size, before.size + 2);
      for (const key of after.keys()) assert.doesNotMatch(key, /\/\.|\.tmp$/, key);
    });
  });
}

describe("storage drivers, each on its own", () => {
  test("the local driver writes under DATA_DIR/uploads and leaves no temporary file behind", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "gongkai-storage-local-"));
    try {
      const store = createLocalDirectoryStore(dataDir);
      await store.put("uploads/2026/12/a.pdf", new Uint8Array([1, 2, 3]));
      await assert.rejects(store.put("uploads/2026/12/b.pdf", { stream: chunked(new Uint8Array(5)), size: 9 }));
      assert.deepEqual(readdirSync(path.join(dataDir, "uploads", "2026", "12")), ["a.pdf"]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test("two installations on one bucket with different prefixes do not see each other's files", async () => {
    const first = createS3Store(s3.location("agency-a"), s3.credentials);
    const second = createS3Store(s3.location("agency-b/files"), s3.credentials);
    await first.put("uploads/2026/12/same-key.pdf", new Uint8Array([1]));
    await second.put("uploads/2026/12/same-key.pdf", new Uint8Array([2, 2]));
    assert.deepEqual([...(await keysOf(first))], [["uploads/2026/12/same-key.pdf", 1]]);
    assert.deepEqual([...(await keysOf(second))], [["uploads/2026/12/same-key.pdf", 2]]);
    const unprefixed = createS3Store(s3.location(""), s3.credentials);
    assert.equal(await unprefixed.stat("uploads/2026/12/same-key.pdf"), null, "the prefix is part of the object's key");
  });

  test("a bucket that does not exist or an unreachable service fails loudly, never as a missing file", async () => {
    const notMissing = (error: Error) => !(error instanceof NotFoundError);
    const noBucket = createS3Store({ ...s3.location(""), bucket: "no-such-bucket" }, s3.credentials);
    await assert.rejects(noBucket.read("uploads/2026/12/x.pdf"), notMissing);
    await assert.rejects(noBucket.openRead("uploads/2026/12/x.pdf"), notMissing);
    await assert.rejects(noBucket.put("uploads/2026/12/x.pdf", new Uint8Array([1])), notMissing);
    await assert.rejects(noBucket.remove("uploads/2026/12/x.pdf"), notMissing);
    await assert.rejects(keysOf(noBucket), notMissing);
    const unreachable = createS3Store({ ...s3.location(""), endpoint: "http://127.0.0.1:9" }, s3.credentials);
    await assert.rejects(unreachable.read("uploads/2026/12/x.pdf"), notMissing);
    await assert.rejects(unreachable.stat("uploads/2026/12/x.pdf"), notMissing);
  });
});
