import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { S3Location, StorageCredentials } from "@/lib/storage/storage-settings";

/**
 * A local S3-compatible server for the tests: s3rver (npm), serving one bucket from a temporary
 * folder on 127.0.0.1, offline. What it does not do like S3: it writes an object in place, so an
 * interrupted PUT leaves a damaged object where S3 keeps the old one (tests/integration/
 * storage-contract.test.ts skips that one check for it).
 */
export type TestS3Server = {
  endpoint: string;
  bucket: string;
  credentials: StorageCredentials;
  /** A location on this server; `prefix` keeps tests in one bucket apart. */
  location(prefix?: string): S3Location;
  /** STORAGE_URL and the keys, as an operator would set them. */
  environment(prefix?: string): Record<string, string>;
  close(): Promise<void>;
};

export async function startTestS3Server(bucket = "gongkai-test"): Promise<TestS3Server> {
  const directory = mkdtempSync(path.join(os.tmpdir(), "gongkai-s3rver-"));
  chmodSync(directory, 0o700);
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver's default keys; it checks the signatures made with them.
  const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  return {
    endpoint,
    bucket,
    credentials,
    location: (prefix = "") => ({ driver: "s3", bucket, prefix, endpoint, region: "us-east-1", forcePathStyle: true }),
    environment: (prefix = "") => ({
      STORAGE_URL: `s3://${bucket}${prefix ? `/${prefix}` : ""}?endpoint=${encodeURIComponent(endpoint)}&forcePathStyle=true`,
      STORAGE_ACCESS_KEY_ID: credentials.accessKeyId,
      STORAGE_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    }),
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
