import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type { S3Client } from "@aws-sdk/client-s3";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { assertStorageKey, UPLOADS_FOLDER, type ObjectStore, type StoredObject } from "./object-store";
import { describeS3Location, type S3Location, type StorageCredentials } from "./storage-settings";

type ClientS3 = typeof import("@aws-sdk/client-s3");

/**
 * The S3-compatible driver (AWS S3, MinIO, Ceph RGW, Aliyun OSS, Tencent COS) on the AWS SDK v3.
 * The SDK is loaded on first use, so an installation on the local directory never loads it.
 *
 * An object is written with one PutObject: S3 stores it whole or not at all, and a body shorter
 * or longer than its Content-Length fails the request. Buffers carry a Content-MD5, which the
 * service checks. The SDK's newer default checksums (CRC32 trailers in aws-chunked bodies) are
 * only sent where an operation requires them: several S3-compatible services refuse them.
 */
export function createS3Store(location: S3Location, credentials: StorageCredentials | undefined): ObjectStore {
  let loaded: Promise<{ sdk: ClientS3; client: S3Client }> | null = null;
  const connect = () =>
    (loaded ??= import("@aws-sdk/client-s3").then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: location.region,
        endpoint: location.endpoint,
        forcePathStyle: location.forcePathStyle,
        credentials,
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
        maxAttempts: 3,
      }),
    })));
  const Bucket = location.bucket;
  const keyPrefix = location.prefix ? `${location.prefix}/` : "";
  const objectKey = (key: string) => {
    assertStorageKey(key);
    return keyPrefix + key;
  };

  async function openRead(key: string): Promise<{ stream: Readable; size: number }> {
    const { sdk, client } = await connect();
    try {
      const response = await client.send(new sdk.GetObjectCommand({ Bucket, Key: objectKey(key) }));
      const stream = response.Body instanceof Readable ? response.Body : Readable.from(response.Body as unknown as AsyncIterable<Uint8Array>);
      // A connection that breaks before the caller reads would otherwise be an uncaught 'error'
      // event; the caller still sees the failure when it reads (an errored stream rejects).
      stream.on("error", () => {});
      return { stream, size: Number(response.ContentLength ?? 0) };
    } catch (error) {
      if (errorName(error) === "NoSuchKey") throw new NotFoundError(messages.common.notFound.attachmentFile);
      throw error;
    }
  }

  return {
    description: describeS3Location(location),

    async put(key, body) {
      const { sdk, client } = await connect();
      const Key = objectKey(key);
      if (body instanceof Uint8Array) {
        const ContentMD5 = createHash("md5").update(body).digest("base64");
        await client.send(new sdk.PutObjectCommand({ Bucket, Key, Body: body, ContentLength: body.byteLength, ContentMD5 }));
        return;
      }
      // The SDK pipes the body into the request, and a pipe does not pass a failing source on:
      // the failure aborts the request instead, and is what the caller sees.
      const abort = new AbortController();
      let sourceError: unknown = null;
      const checked = exactly(body.stream, body.size, key).on("error", (error) => {
        sourceError ??= error;
        abort.abort(error);
      });
      try {
        await client.send(new sdk.PutObjectCommand({ Bucket, Key, Body: checked, ContentLength: body.size }), { abortSignal: abort.signal });
      } catch (error) {
        throw sourceError ?? error;
      } finally {
        checked.destroy();
        body.stream.destroy();
      }
    },

    async read(key) {
      const { stream } = await openRead(key);
      const chunks: Buffer[] = [];
      for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
      return Buffer.concat(chunks);
    },

    openRead,

    async stat(key) {
      const { sdk, client } = await connect();
      try {
        const response = await client.send(new sdk.HeadObjectCommand({ Bucket, Key: objectKey(key) }));
        return { size: Number(response.ContentLength ?? 0) };
      } catch (error) {
        // A HEAD answer has no body to name the error: a missing bucket is a 404 too. It is
        // told apart by the bucket check of the first request that reads a body (read, list).
        if (statusOf(error) === 404) return null;
        throw error;
      }
    },

    async remove(key) {
      const { sdk, client } = await connect();
      // S3 answers 204 for a key that is not there.
      await client.send(new sdk.DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
    },

    async *list(): AsyncIterable<StoredObject> {
      const { sdk, client } = await connect();
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new sdk.ListObjectsV2Command({ Bucket, Prefix: `${keyPrefix}${UPLOADS_FOLDER}/`, ContinuationToken }));
        for (const object of page.Contents ?? []) {
          if (object.Key) yield { key: object.Key.slice(keyPrefix.length), size: Number(object.Size ?? 0) };
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
  };
}

/** Only a missing object is a missing file: a missing bucket (NoSuchBucket, also a 404) is a configuration error. */
function errorName(error: unknown): string | undefined {
  return (error as { name?: string } | null)?.name;
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

/**
 * Passes the stream on, failing it when it ends short of `size` or goes past it, so that a source
 * that breaks off never becomes a shorter object (a service that trusted the connection's end).
 */
function exactly(source: Readable, size: number, key: string): Readable {
  return Readable.from(
    (async function* () {
      let seen = 0;
      for await (const chunk of source as AsyncIterable<Buffer>) {
        seen += chunk.byteLength;
        if (seen > size) throw new Error(`The stream for ${key} is longer than the ${size} bytes announced.`);
        yield chunk;
      }
      if (seen !== size) throw new Error(`The stream for ${key} ended after ${seen} of ${size} bytes.`);
    })(),
  );
}
