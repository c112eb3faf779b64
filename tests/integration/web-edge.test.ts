import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { encode } from "next-auth/jwt";
import { startNpmStart, type NpmStart } from "../support/npm-start";
import { unusedPort } from "../support/ports";

/**
 * The web edge, end to end: `npm start` (scripts/serve.ts) on a fresh DATA_DIR and its own ports,
 * with its embedded database, asked over real sockets. (It builds the app first when the build is
 * missing or stale.) TRUST_PROXY names 127.0.0.1 as the reverse proxy; other loopback addresses
 * (127.0.0.2, 127.0.0.3) are direct clients.
 */

let port = 0;
let databasePort = 0;
const authSecret = "web-edge-test-secret-0123456789abcdef";
const openDataLimit = 3;
let dataDir: string;
let server: ChildProcess;
let product: NpmStart;

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request over its own connection, from `from` (a loopback address) when given. */
function ask(
  pathname: string,
  options: { method?: string; headers?: Record<string, string | number>; body?: Buffer | string; from?: string; sendOnly?: number } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, path: pathname, method: options.method ?? "GET", headers: options.headers, localAddress: options.from, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    // A refused upload is answered before its body is read: the connection may close while we still write.
    request.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    if (options.sendOnly === 0) {
      request.flushHeaders();
    } else if (options.body !== undefined) {
      const body = Buffer.from(options.body);
      request.write(options.sendOnly === undefined ? body : body.subarray(0, options.sendOnly));
      if (options.sendOnly === undefined) request.end();
    } else {
      request.end();
    }
  });
}

const waitFor = <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number) => product.waitFor(what, probe, timeoutMs);
const output = () => product.output();

const healthy = () => waitFor("/api/health to answer 200", async () => ((await ask("/api/health")).status === 200 ? true : undefined), 60_000);
const readPid = (file: string) => Number(readFileSync(file, "utf8").split("\n")[0]);
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

before(async () => {
  port = await unusedPort();
  databasePort = await unusedPort();
  dataDir = mkdtempSync(path.join(os.tmpdir(), "gongkai-web-edge-"));
  // As root the database runs as the postgres user, which must be able to enter this directory.
  chmodSync(dataDir, 0o755);
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    EMBEDDED_DATABASE_PORT: String(databasePort),
    SEED_DEMO: "0",
    AUTH_SECRET: authSecret,
    TRUST_PROXY: "127.0.0.1",
    OPEN_DATA_RATE_LIMIT: String(openDataLimit),
  };
  delete environment.DATABASE_URL;
  delete environment.HOST;
  delete environment.NODE_OPTIONS;
  product = await startNpmStart(environment, 250);
  server = product.server;
  await healthy();
});

after(async () => {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe("security headers", () => {
  test("a page: a fresh nonce in its policy and on every one of its scripts, framing and sniffing refused", async () => {
    const first = await ask("/");
    const second = await ask("/");
    assert.equal(first.status, 200);
    const policy = String(first.headers["content-security-policy"]);
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    assert.ok(nonce, policy);
    assert.match(policy, /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    assert.match(policy, /frame-ancestors 'none'/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
    assert.notEqual(/'nonce-([^']+)'/.exec(String(second.headers["content-security-policy"]))?.[1], nonce, "a new nonce per page");
    const scripts = first.body.match(/<script\b[^>]*>/g) ?? [];
    assert.ok(scripts.length > 0);
    for (const script of scripts) assert.ok(script.includes(`nonce="${nonce}"`), script);
    assert.doesNotMatch(first.body, /\son[a-z]+=["']/i, "no inline event handlers");
    assert.equal(first.headers["x-content-type-options"], "nosniff");
    assert.equal(first.headers["x-frame-options"], "DENY");
    assert.equal(first.headers["referrer-policy"], "strict-origin-when-cross-origin");
    assert.match(String(first.headers["permissions-policy"]), /camera=\(\)/);
    assert.equal(first.headers["strict-transport-security"], undefined, "plain HTTP: no HSTS");
  });

  test("a revalidated page (304) keeps the policy its copy was sent with", async () => {
    const page = await ask("/");
    const revalidated = await ask("/", { headers: { "If-None-Match": String(page.headers.etag) } });
    assert.equal(revalidated.status, 304);
    assert.equal(revalidated.headers["content-security-policy"], undefined);
    assert.equal(revalidated.headers["x-content-type-options"], "nosniff");
  });

  test("a client cannot choose the nonce by sending a policy itself", async () => {
    const page = await ask("/", { headers: { "Content-Security-Policy": "script-src 'nonce-chosenbyattacker'", "x-nonce": "chosenbyattacker" } });
    assert.doesNotMatch(page.body, /chosenbyattacker/);
  });

  test("static assets, API answers and the not-found page carry the headers too", async () => {
    const page = await ask("/");
    const asset = /\/_next\/static\/[^"]+\.(?:js|css)/.exec(page.body)?.[0];
    assert.ok(asset);
    const answers = { asset: await ask(asset), api: await ask("/api/health"), missing: await ask("/no-such-page") };
    assert.equal(answers.asset.status, 200);
    assert.equal(answers.api.status, 200);
    assert.equal(answers.missing.status, 404);
    for (const [what, answer] of Object.entries(answers)) {
      assert.equal(answer.headers["x-content-type-options"], "nosniff", what);
      assert.equal(answer.headers["x-frame-options"], "DENY", what);
      assert.equal(answer.headers["referrer-policy"], "strict-origin-when-cross-origin", what);
    }
    const missingNonce = /'nonce-([^']+)'/.exec(String(answers.missing.headers["content-security-policy"]))?.[1];
    assert.ok(missingNonce && answers.missing.body.includes(`nonce="${missingNonce}"`), "the not-found page is rendered with its nonce");
  });

  test("over HTTPS (as a trusted proxy says) HSTS is sent and assets are upgraded; a direct client cannot claim HTTPS", async () => {
    const proxied = await ask("/", { headers: { "X-Forwarded-Proto": "https" } });
    assert.equal(proxied.headers["strict-transport-security"], "max-age=31536000");
    assert.match(String(proxied.headers["content-security-policy"]), /upgrade-insecure-requests/);
    const direct = await ask("/", { headers: { "X-Forwarded-Proto": "https" }, from: "127.0.0.2" });
    assert.equal(direct.headers["strict-transport-security"], undefined);
  });
});

describe("open-data CORS, answered before Next", () => {
  test("every open-data route answers preflights and is readable from any origin; the console API is not", async () => {
    // Neither route has its own OPTIONS handler nor sets CORS headers itself.
    const preflight = await ask("/api/v1/applications", {
      method: "OPTIONS",
      headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET" },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers["access-control-allow-origin"], "*");
    assert.equal(preflight.headers["access-control-allow-methods"], "GET, HEAD, OPTIONS");
    assert.equal(preflight.headers["x-content-type-options"], "nosniff", "the security headers too");
    const read = await ask("/api/v1/reports/annual/2017", { headers: { Origin: "https://example.org" } });
    assert.equal(read.headers["access-control-allow-origin"], "*");
    assert.match(String(read.headers["access-control-expose-headers"]), /ETag/);
    for (const pathname of ["/api/v1/admin/items", "/api/v1/me"]) {
      const answer = await ask(pathname, { method: "OPTIONS", headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET" } });
      assert.equal(answer.headers["access-control-allow-origin"], undefined, pathname);
    }
  });
});

describe("request body limits", () => {
  const twoMegabytes = Buffer.alloc(2 * 1024 * 1024, "a");

  test("a 2 MB anonymous POST is refused with 413 before its body is read", async () => {
    // Only 64 KB of the declared 2 MB is sent: the answer comes without waiting for the rest.
    const form = await ask("/apply", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": twoMegabytes.length },
      body: twoMegabytes,
      sendOnly: 64 * 1024,
    });
    assert.equal(form.status, 413);
    assert.match(form.body, /超过 1 MB 的上限/);
    const api = await ask("/api/v1/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": twoMegabytes.length },
      body: twoMegabytes,
      sendOnly: 64 * 1024,
    });
    assert.equal(api.status, 413);
    assert.equal(JSON.parse(api.body).error.code, "payload_too_large");
    const action = await ask("/feedback", {
      method: "POST",
      headers: { "Content-Type": "text/plain", "Next-Action": "0123456789abcdef", "Content-Length": twoMegabytes.length },
      body: twoMegabytes,
      sendOnly: 64 * 1024,
    });
    assert.equal(action.status, 413, "a server action is refused before it runs");
  });

  test("a client that waits for 100-continue is refused without sending its body; a chunked body gets 411", async () => {
    const expecting = await ask("/apply", {
      method: "POST",
      headers: { Expect: "100-continue", "Content-Type": "application/x-www-form-urlencoded", "Content-Length": twoMegabytes.length },
      body: Buffer.alloc(0),
      sendOnly: 0,
    });
    assert.equal(expecting.status, 413);
    const chunked = await ask("/api/v1/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Transfer-Encoding": "chunked" },
      body: "{}",
    });
    assert.equal(chunked.status, 411);
  });

  test("the console takes larger uploads, but only from a signed-in user", async () => {
    const boundary = "----gongkai";
    const multipart = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`),
      twoMegabytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = (cookie?: string) =>
      ask("/api/v1/admin/decisions/import?kind=license", {
        method: "POST",
        headers: { "Content-Type": `multipart/form-data; boundary=${boundary}`, "Content-Length": multipart.length, ...(cookie ? { Cookie: cookie } : {}) },
        body: multipart,
      });
    const session = (secret: string) => encode({ token: { userId: 424242, role: "staff", sectionId: 1 }, secret, salt: "authjs.session-token" });
    assert.equal((await upload()).status, 413, "anonymous");
    assert.equal(
      (await upload(`authjs.session-token=${await session("not-the-server-secret-0123456789abcdef")}`)).status,
      413,
      "a session forged without the secret",
    );
    // A signed session gets past the edge; the route then finds no such user.
    assert.equal((await upload(`authjs.session-token=${await session(authSecret)}`)).status, 401);
  });
});

describe("client addresses", () => {
  test("clients on different addresses have separate rate limits; a direct client's X-Forwarded-For is ignored", async () => {
    const categories = (from: string, forwardedFor?: string) =>
      ask("/api/v1/categories", { from, headers: forwardedFor ? { "X-Forwarded-For": forwardedFor } : {} });
    for (let index = 0; index < openDataLimit; index++) assert.equal((await categories("127.0.0.2")).status, 200);
    assert.equal((await categories("127.0.0.2")).status, 429, "the allowance of 127.0.0.2 is used up");
    assert.equal((await categories("127.0.0.2", "203.0.113.99")).status, 429, "claiming another address does not help");
    assert.equal((await categories("127.0.0.3")).status, 200, "another client still has its own");
    // The trusted proxy (127.0.0.1) reports its visitors' addresses: each has its own allowance.
    for (let index = 0; index < openDataLimit; index++) assert.equal((await categories("127.0.0.1", "203.0.113.7")).status, 200);
    assert.equal((await categories("127.0.0.1", "203.0.113.7")).status, 429);
    assert.equal((await categories("127.0.0.1", "203.0.113.8")).status, 200);
  });
});

describe("supervisor", () => {
  test("a killed web server is restarted while the database stays up, and serves again", async () => {
    const webPidFile = path.join(dataDir, "web.pid");
    const postmaster = readPid(path.join(dataDir, "postgres", "postmaster.pid"));
    const first = readPid(webPidFile);
    assert.ok(isAlive(first) && isAlive(postmaster));
    process.kill(first, "SIGKILL");
    const second = await waitFor(
      "a new web server",
      async () => {
        const pid = existsSync(webPidFile) ? readPid(webPidFile) : 0;
        return pid && pid !== first && output().includes("The web server is back") ? pid : undefined;
      },
      60_000,
    );
    assert.match(output(), /The web server stopped \(SIGKILL\) after \d+ s; restarting in 1 s/);
    await healthy();
    assert.ok(isAlive(second));
    assert.ok(isAlive(postmaster), "the same database server, never stopped");
    assert.equal(server.exitCode, null, "npm start itself is still running");
  });

  test("SIGTERM stops the web server, then the database", async () => {
    const web = readPid(path.join(dataDir, "web.pid"));
    const postmaster = readPid(path.join(dataDir, "postgres", "postmaster.pid"));
    server.kill("SIGTERM");
    const code = await new Promise((resolve) => server.once("exit", resolve));
    assert.equal(code, 0);
    assert.ok(!isAlive(web) && !isAlive(postmaster));
    assert.ok(!existsSync(path.join(dataDir, "web.pid")));
  });
});
