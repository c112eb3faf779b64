import { maxAttachmentMegabytes } from "@/lib/attachments/upload-limits";

/**
 * How large a request body may be, decided by the web server from the request line and headers
 * before anything reads the body (lib/runtime/web-server.ts):
 * - anyone, any route: 1 MB. No public form takes files (application, feedback, status lookup,
 *   login), and a JSON or form body of a megabyte is already far more than any of them sends;
 * - the console (/admin/… pages, whose server actions take attachments, and /api/v1/admin/…
 *   uploads): 5 attachments of ATTACHMENT_MAX_MB plus 10 MB of form fields (110 MB by default),
 *   but only for a signed-in user (a valid session cookie or an API token): an anonymous body
 *   never gets past 1 MB.
 */
export const MEGABYTE = 1024 * 1024;
export const ANONYMOUS_BODY_LIMIT_BYTES = 1 * MEGABYTE;
const attachmentsPerRequest = 5;
const consoleFormFieldsMegabytes = 10;

/** The largest console request body in megabytes (110 with the default ATTACHMENT_MAX_MB of 20). */
export function consoleBodyLimitMegabytes(environment?: Record<string, string | undefined>): number {
  return attachmentsPerRequest * maxAttachmentMegabytes(environment) + consoleFormFieldsMegabytes;
}

export function consoleBodyLimitBytes(environment?: Record<string, string | undefined>): number {
  return consoleBodyLimitMegabytes(environment) * MEGABYTE;
}

/** Routes whose requests may carry uploads for a signed-in user. */
export function isConsoleUploadPath(pathname: string): boolean {
  return /^\/admin(\/|$)/.test(pathname) || /^\/api\/v1\/admin(\/|$)/.test(pathname);
}

export type BodyDecision =
  | { kind: "accept" }
  /** The body is larger than `limitBytes` (or its size is not declared): refuse before reading it. */
  | { kind: "too-large"; limitBytes: number }
  | { kind: "length-required" }
  /** Larger than an anonymous body may be: accept only if the request proves a signed-in user. */
  | { kind: "needs-credentials"; limitBytes: number };

/**
 * The decision for a request's declared body. A chunked body (no Content-Length) is refused with
 * 411: its size is unknown until it has been read, and every browser form, fetch() and the nginx
 * example send a length. Node's HTTP parser never hands on more bytes than Content-Length says.
 */
export function decideRequestBody(
  request: { pathname: string; contentLength: string | undefined; transferEncoding: string | undefined },
  environment?: Record<string, string | undefined>,
): BodyDecision {
  if (request.transferEncoding !== undefined) return { kind: "length-required" };
  const length = request.contentLength === undefined ? 0 : Number(request.contentLength);
  if (!Number.isSafeInteger(length) || length < 0) return { kind: "too-large", limitBytes: ANONYMOUS_BODY_LIMIT_BYTES };
  if (length <= ANONYMOUS_BODY_LIMIT_BYTES) return { kind: "accept" };
  if (!isConsoleUploadPath(request.pathname)) return { kind: "too-large", limitBytes: ANONYMOUS_BODY_LIMIT_BYTES };
  const consoleLimit = consoleBodyLimitBytes(environment);
  if (length > consoleLimit) return { kind: "too-large", limitBytes: consoleLimit };
  return { kind: "needs-credentials", limitBytes: consoleLimit };
}
