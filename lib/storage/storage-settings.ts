/**
 * Where uploaded files are stored, from STORAGE_URL (pure: lib/config.ts validates with it at start).
 *
 * - unset: the local directory `DATA_DIR/uploads` (the default, as before);
 * - `s3://<bucket>[/<prefix>][?endpoint=<http(s) address>&region=<region>&forcePathStyle=true]`: an
 *   S3-compatible bucket (AWS S3, MinIO, Ceph RGW, Aliyun OSS, Tencent COS). The keys are not in
 *   the address: STORAGE_ACCESS_KEY_ID and STORAGE_SECRET_ACCESS_KEY (or, both unset, the AWS
 *   SDK's own chain: AWS_ACCESS_KEY_ID…, ~/.aws, an instance role).
 */

export type S3Location = {
  driver: "s3";
  bucket: string;
  /** Put before every key, without slashes at either end; "" for none. */
  prefix: string;
  /** An S3-compatible service's address; unset: AWS S3 itself. */
  endpoint: string | undefined;
  region: string;
  /** `http://endpoint/bucket/key` instead of `http://bucket.endpoint/key` (MinIO, Ceph RGW). */
  forcePathStyle: boolean;
};

export type StorageLocation = { driver: "local" } | S3Location;

export type StorageCredentials = { accessKeyId: string; secretAccessKey: string };

export const DEFAULT_STORAGE_REGION = "us-east-1";

const EXAMPLE = "s3://bucket/prefix?endpoint=https://minio.example.gov.cn:9000&region=cn-north-1&forcePathStyle=true";
const QUERY_OPTIONS = ["endpoint", "region", "forcePathStyle"];

/** Throws an Error whose message says what is wrong with the value and what is expected. */
export function parseStorageUrl(value: string | undefined): StorageLocation {
  if (value === undefined || value === "") return { driver: "local" };
  if (!/^s3:\/\//i.test(value) || !URL.canParse(value)) {
    throw new Error(`expected an s3:// address, e.g. ${EXAMPLE}, or leave it unset for the local directory DATA_DIR/uploads`);
  }
  const url = new URL(value);
  if (url.username || url.password) {
    throw new Error("put the keys in STORAGE_ACCESS_KEY_ID and STORAGE_SECRET_ACCESS_KEY, not in the address (it is shown in logs)");
  }
  if (url.port) throw new Error("the address names the bucket, not a server: put the server's address and port in ?endpoint=");
  const bucket = url.hostname;
  // The common rule of S3, OSS and COS (COS names end in -<APPID>, which fits).
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes("..")) {
    throw new Error(`"${bucket}" is not a bucket name: 3 to 63 lowercase letters, digits, dots and hyphens, e.g. ${EXAMPLE}`);
  }
  // From the value as written: the URL parser would resolve `a/../b` to `b`.
  const prefix = decodeURIComponent(value.replace(/^s3:\/\/[^/?#]*/i, "").split(/[?#]/)[0]).replace(/^\/+|\/+$/g, "");
  if (prefix && prefix.split("/").some((segment) => segment === "" || segment === "." || segment === ".." || /[\\\u0000-\u001f\u007f]/.test(segment))) {
    throw new Error(`the prefix "${prefix}" must be plain folder names separated by single slashes`);
  }
  for (const name of url.searchParams.keys()) {
    if (!QUERY_OPTIONS.includes(name)) throw new Error(`unknown option ?${name}=: expected ${QUERY_OPTIONS.join(", ")}`);
  }
  const endpoint = url.searchParams.get("endpoint") || undefined;
  if (endpoint !== undefined && !(URL.canParse(endpoint) && /^https?:$/.test(new URL(endpoint).protocol))) {
    throw new Error(`?endpoint= must be an http:// or https:// address, e.g. ${EXAMPLE}`);
  }
  const region = url.searchParams.get("region") || DEFAULT_STORAGE_REGION;
  if (!/^[a-z0-9-]{2,64}$/i.test(region)) throw new Error(`?region= must be a region name such as cn-north-1 or oss-cn-hangzhou, not "${region}"`);
  const pathStyle = (url.searchParams.get("forcePathStyle") ?? "false").toLowerCase();
  if (!["true", "false", "1", "0"].includes(pathStyle)) throw new Error("?forcePathStyle= must be true or false");
  return { driver: "s3", bucket, prefix, endpoint, region, forcePathStyle: pathStyle === "true" || pathStyle === "1" };
}

/** The address without the query, for messages: `s3://bucket/prefix`. */
export function describeS3Location(location: S3Location): string {
  return `s3://${location.bucket}${location.prefix ? `/${location.prefix}` : ""}${location.endpoint ? ` at ${location.endpoint}` : ""}`;
}
