import assert from "node:assert/strict";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { contentSecurityPolicy, createNonce } from "../../lib/http-security/security-headers";
import { createPageCacheRuntime, servePageThroughCache, type PageCacheRuntime } from "../../lib/runtime/page-cache-handler";

/**
 * The web server's page cache (lib/runtime/page-cache-handler.ts) over real sockets, in front of a
 * stand-in for Next that renders the way Next does for our pages: a nonce chosen per render, put
 * in the Content-Security-Policy header and on every script, an ETag from the content version,
 * `Cache-Control: public…`. The stand-in counts its renders, so a test can tell what came from
 * the cache. The content version is a variable the tests change, read through the same reader
 * (at most once per interval) as in production. The full stack (npm start, several processes, a
 * real publication) is tests/integration/web-processes.test.ts.
 */

const VERSION_CHECK_MS = 300;
let version = "v1";
let versionReads = 0;
const renders = new Map<string, number>();
let runtime: PageCacheRuntime;
let server: http.Server;
let port: number;

function renderLikeNext(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", "http://localhost");
  renders.set(url.pathname, (renders.get(url.pathname) ?? 0) + 1);
  const nonce = createNonce();
  response.setHeader("Content-Security-Policy", contentSecurityPolicy({ nonce, secure: false }));
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.setHeader("Cache-Control", "public, max-age=0, s-maxage=60, stale-while-revalidate=300");
  response.setHeader("ETag", `W/"${version}-${url.pathname}"`);
  if (url.pathname === "/items/2") response.setHeader("Set-Cookie", "tracking=1; Path=/");
  if (url.pathname === "/items/3") response.statusCode = 500;
  const filler = url.pathname.startsWith("/catalogue/") ? "x".repeat(100_000) : "";
  const body = `<html><head><script nonce="${nonce}">boot()</script></head><body><h1>${url.pathname} at ${version}</h1>${filler}<script nonce="${nonce}">self.n="${nonce}"</script></body></html>`;
  // Streamed in two writes, as Next streams a page.
  response.write(body.slice(0, 40));
  return new Promise((resolve) =>
    setTimeout(() => {
      response.end(body.slice(40));
      resolve();
    }, 20),
  );
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; raw: Buffer };

function ask(pathname: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, path: pathname, method: options.method ?? "GET", headers: options.headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const raw = Buffer.concat(chunks);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: raw.toString("utf8"), raw });
        });
      },
    );
    request.on("error", reject);
    request.end();
  });
}

const rendersOf = (pathname: string) => renders.get(pathname) ?? 0;
const nonceOf = (answer: Answer) => /'nonce-([^']+)'/.exec(String(answer.headers["content-security-policy"]))?.[1];

before(async () => {
  // 2 MB: a page may take at most an eighth of it (256 KB); the 100 KB catalogue pages fill it after about 20.
  runtime = createPageCacheRuntime({ maxMegabytes: 2, versionCheckMs: VERSION_CHECK_MS, maxAgeMs: 60_000 }, undefined, async () => {
    versionReads++;
    return version;
  })!;
  server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    servePageThroughCache(request, response, { runtime, pathname, secure: false, render: () => renderLikeNext(request, response) }).catch((error: unknown) => {
      response.statusCode = 500;
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

after(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("the page cache in front of the renderer", () => {
  test("a public page is rendered once; every answer carries a fresh nonce, on every script and in its policy", async () => {
    const answers = [await ask("/items/1"), await ask("/items/1"), await ask("/items/1")];
    assert.equal(rendersOf("/items/1"), 1, "rendered once");
    assert.deepEqual(
      answers.map((answer) => answer.headers["x-page-cache"]),
      ["miss", "hit", "hit"],
    );
    const nonces = answers.map(nonceOf);
    assert.equal(new Set(nonces).size, 3, "a new nonce per answer");
    for (const [index, answer] of answers.entries()) {
      assert.equal(answer.status, 200);
      const scripts = answer.body.match(/<script\b[^>]*>/g) ?? [];
      assert.equal(scripts.length, 2);
      for (const script of scripts) assert.ok(script.includes(`nonce="${nonces[index]}"`), script);
      assert.ok(answer.body.includes(`self.n="${nonces[index]}"`), "every occurrence of the nonce is replaced");
      for (const other of nonces) if (other !== nonces[index]) assert.ok(!answer.body.includes(other!), "no other answer's nonce");
      assert.equal(Number(answer.headers["content-length"] ?? Buffer.byteLength(answer.body)), Buffer.byteLength(answer.body));
      assert.equal(answer.headers["cache-control"], "public, max-age=0, s-maxage=60, stale-while-revalidate=300");
    }
    // The same page with another query is another page.
    await ask("/items/1?print=1");
    assert.equal(rendersOf("/items/1"), 2);
  });

  test("a client that takes gzip gets the page compressed, with its own nonce", async () => {
    const answer = await ask("/items/1", { headers: { "Accept-Encoding": "gzip, deflate, br" } });
    assert.equal(answer.headers["x-page-cache"], "hit");
    assert.equal(answer.headers["content-encoding"], "gzip");
    assert.match(String(answer.headers.vary), /accept-encoding/i);
    const page = gunzipSync(answer.raw).toString("utf8");
    const nonce = nonceOf(answer)!;
    assert.equal(page.match(new RegExp(`nonce="${nonce.replace(/[+/=]/g, "\\$&")}"`, "g"))?.length, 2);
    assert.ok(page.includes(`self.n="${nonce}"`));
  });

  test("HEAD: the headers of the page (its length, a policy) without a body", async () => {
    const page = await ask("/items/1");
    const head = await ask("/items/1", { method: "HEAD" });
    assert.equal(head.status, 200);
    assert.equal(head.body, "");
    assert.equal(head.headers["x-page-cache"], "hit");
    assert.equal(Number(head.headers["content-length"]), Buffer.byteLength(page.body));
    assert.ok(nonceOf(head));
    assert.equal(rendersOf("/items/1"), 2);
  });

  test("If-None-Match with the page's ETag: 304 without a body or a policy", async () => {
    const page = await ask("/items/1");
    const revalidated = await ask("/items/1", { headers: { "If-None-Match": String(page.headers.etag) } });
    assert.equal(revalidated.status, 304);
    assert.equal(revalidated.body, "");
    assert.equal(revalidated.headers["content-security-policy"], undefined);
    assert.equal(revalidated.headers.etag, page.headers.etag);
  });

  test("a signed-in request is never answered from the cache, and what it gets is never kept", async () => {
    await ask("/items/5");
    assert.equal(rendersOf("/items/5"), 1);
    for (const cookie of ["authjs.session-token=abc", "theme=dark; __Secure-authjs.session-token=abc", "authjs.session-token.0=abc"]) {
      const signedIn = await ask("/items/5", { headers: { Cookie: cookie } });
      assert.equal(signedIn.headers["x-page-cache"], undefined, cookie);
    }
    assert.equal(rendersOf("/items/5"), 4, "each signed-in request was rendered");
    await ask("/items/6", { headers: { Cookie: "authjs.session-token=abc" } });
    await ask("/items/6");
    assert.equal(rendersOf("/items/6"), 2, "the signed-in render was not kept for the anonymous visitor");
    await ask("/items/7", { headers: { Authorization: "Bearer gk_0123456789abcdef0123" } });
    await ask("/items/7");
    assert.equal(rendersOf("/items/7"), 2, "nor a request with a token");
    // Other cookies (a visitor's preferences) do not make a visitor signed in.
    assert.equal((await ask("/items/5", { headers: { Cookie: "theme=dark" } })).headers["x-page-cache"], "hit");
  });

  test("a response that sets a cookie, or is an error, is not kept", async () => {
    await ask("/items/2");
    const again = await ask("/items/2");
    assert.equal(rendersOf("/items/2"), 2);
    assert.equal(again.headers["set-cookie"]?.[0], "tracking=1; Path=/");
    await ask("/items/3");
    assert.equal((await ask("/items/3")).status, 500);
    assert.equal(rendersOf("/items/3"), 2);
  });

  test("pages outside the public allow-list are never kept", async () => {
    for (const pathname of ["/apply", "/applications", "/login", "/admin", "/feedback"]) {
      await ask(pathname);
      await ask(pathname);
      assert.equal(rendersOf(pathname), 2, pathname);
    }
    await ask("/items/1", { method: "POST" });
    assert.equal((await ask("/items/1", { headers: { RSC: "1" } })).headers["x-page-cache"], undefined, "client-side navigation payloads");
  });

  test("a new content version is seen within the check interval, without any purge", async () => {
    const before = await ask("/items/8");
    assert.match(before.body, /at v1/);
    version = "v2";
    const changedAt = performance.now();
    let seenAfterMs = -1;
    while (performance.now() - changedAt < 5_000) {
      if ((await ask("/items/8")).body.includes("at v2")) {
        seenAfterMs = performance.now() - changedAt;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    assert.ok(seenAfterMs >= 0 && seenAfterMs <= VERSION_CHECK_MS + 200, `seen after ${Math.round(seenAfterMs)} ms`);
    assert.equal(runtime.version, "v2");
    const readsBefore = versionReads;
    for (let index = 0; index < 20; index++) await ask("/items/8");
    assert.ok(versionReads - readsBefore <= 2, `${versionReads - readsBefore} reads of the version for 20 requests`);
  });

  test("concurrent first requests for one page wait for a single render", async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => ask("/items/9")));
    assert.equal(rendersOf("/items/9"), 1);
    assert.equal(new Set(answers.map(nonceOf)).size, 10);
  });

  test("memory is bounded: beyond its size the least recently used pages are dropped", async () => {
    for (let index = 0; index < 40; index++) await ask(`/catalogue/${index}`);
    assert.ok(runtime.cache.bytes <= 2 * 1024 * 1024, `${runtime.cache.bytes} bytes`);
    const renderedBefore = (pathname: string) => rendersOf(pathname);
    const oldest = renderedBefore("/catalogue/0");
    const newest = renderedBefore("/catalogue/39");
    await ask("/catalogue/39");
    assert.equal(rendersOf("/catalogue/39"), newest, "the newest page is still kept");
    await ask("/catalogue/0");
    assert.equal(rendersOf("/catalogue/0"), oldest + 1, "the oldest was dropped and is rendered again");
  });
});
