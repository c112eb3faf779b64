import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import { resetConfig } from "@/lib/config";
import { ANONYMOUS_BODY_LIMIT_BYTES, consoleBodyLimitBytes, decideRequestBody } from "../../lib/http-security/body-limits";
import {
  clientAddressOf,
  EDGE_SERVER_FLAG,
  isHttpsRequest,
  normaliseClientAddress,
  parseTrustProxy,
  PEER_ADDRESS_HEADER,
} from "../../lib/http-security/client-address";
import { baseSecurityHeaders, contentSecurityPolicy, createNonce } from "../../lib/http-security/security-headers";
import { clientKeyOf } from "../../lib/rate-limit/client-key";
import { RestartBackoff } from "../../lib/runtime/restart-backoff";

describe("security headers", () => {
  test("a page's policy allows only scripts with its nonce, no inline handlers or eval, and no framing", () => {
    const nonce = createNonce();
    const policy = contentSecurityPolicy({ nonce, secure: false });
    const directive = (name: string) => policy.split("; ").find((part) => part.startsWith(`${name} `));
    assert.equal(directive("script-src"), `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    assert.equal(directive("style-src"), `style-src 'self' 'nonce-${nonce}'`);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
    assert.equal(directive("frame-ancestors"), "frame-ancestors 'none'");
    assert.equal(directive("object-src"), "object-src 'none'");
    assert.equal(directive("form-action"), "form-action 'self'");
    assert.doesNotMatch(policy, /upgrade-insecure-requests/, "plain HTTP (the quick start) must not upgrade its own assets");
    assert.match(contentSecurityPolicy({ nonce, secure: true }), /upgrade-insecure-requests/);
    assert.match(contentSecurityPolicy({ nonce, secure: false, development: true }), /'unsafe-eval'/);
  });

  test("nonces are 128 random bits, never repeated", () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    assert.equal(nonces.size, 1000);
    for (const nonce of nonces) assert.equal(Buffer.from(nonce, "base64").length, 16);
  });

  test("every response: nosniff, no framing, referrer and feature policies; HSTS only over HTTPS", () => {
    const plain = baseSecurityHeaders({ secure: false });
    assert.equal(plain["X-Content-Type-Options"], "nosniff");
    assert.equal(plain["X-Frame-Options"], "DENY");
    assert.equal(plain["Referrer-Policy"], "strict-origin-when-cross-origin");
    assert.match(plain["Permissions-Policy"], /camera=\(\)/);
    assert.equal(plain["Strict-Transport-Security"], undefined);
    assert.equal(baseSecurityHeaders({ secure: true })["Strict-Transport-Security"], "max-age=31536000");
  });
});

describe("client addresses (rate-limit keys)", () => {
  const saved = { flag: process.env[EDGE_SERVER_FLAG], trust: process.env.TRUST_PROXY };
  beforeEach(() => {
    process.env[EDGE_SERVER_FLAG] = "1";
    delete process.env.TRUST_PROXY;
    resetConfig();
  });
  afterEach(() => {
    if (saved.flag === undefined) delete process.env[EDGE_SERVER_FLAG];
    else process.env[EDGE_SERVER_FLAG] = saved.flag;
    if (saved.trust === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = saved.trust;
    resetConfig();
  });
  const request = (peer: string, extra: Record<string, string> = {}) => new Headers({ [PEER_ADDRESS_HEADER]: peer, ...extra });

  test("without a proxy every client gets its own key, and X-Forwarded-For is ignored", () => {
    assert.equal(clientKeyOf(request("198.51.100.7")), "198.51.100.7");
    assert.equal(clientKeyOf(request("198.51.100.8")), "198.51.100.8");
    assert.equal(clientKeyOf(request("198.51.100.7", { "x-forwarded-for": "203.0.113.1" })), "198.51.100.7");
    assert.equal(clientKeyOf(request("::ffff:198.51.100.7")), "198.51.100.7", "IPv4 on a dual-stack socket");
  });

  test("TRUST_PROXY=1 believes X-Forwarded-For from a proxy on this machine only", () => {
    process.env.TRUST_PROXY = "1";
    resetConfig();
    assert.equal(clientKeyOf(request("127.0.0.1", { "x-forwarded-for": "203.0.113.1" })), "203.0.113.1");
    assert.equal(clientKeyOf(request("::1", { "x-forwarded-for": "203.0.113.2" })), "203.0.113.2");
    assert.equal(clientKeyOf(request("198.51.100.7", { "x-forwarded-for": "203.0.113.1" })), "198.51.100.7", "a direct client cannot forge it");
    // The proxy appends the address it saw; what the client wrote before it is not believed.
    assert.equal(clientKeyOf(request("127.0.0.1", { "x-forwarded-for": "10.9.9.9, 203.0.113.3" })), "203.0.113.3");
  });

  test("TRUST_PROXY as addresses and CIDR ranges walks back through every trusted proxy", () => {
    process.env.TRUST_PROXY = "10.0.0.0/8, 192.0.2.10";
    resetConfig();
    assert.equal(clientKeyOf(request("192.0.2.10", { "x-forwarded-for": "203.0.113.4, 10.1.2.3" })), "203.0.113.4");
    assert.equal(clientKeyOf(request("127.0.0.1", { "x-forwarded-for": "203.0.113.4" })), "127.0.0.1", "loopback is not in this list");
  });

  test("a setting that is not a list of addresses stops the start with a readable message", () => {
    assert.throws(() => parseTrustProxy("2"), /not a hop count/);
    assert.throws(() => parseTrustProxy("nginx.local"), /TRUST_PROXY="nginx.local"/);
    assert.equal(parseTrustProxy("0")("127.0.0.1", 0), false);
  });

  test("IPv6 clients are keyed by their /64, so one subscriber cannot take a key per address", () => {
    assert.equal(normaliseClientAddress("2001:db8:1:2::5"), "2001:db8:1:2::/64");
    assert.equal(normaliseClientAddress("2001:db8:1:2:aaaa::9"), "2001:db8:1:2::/64");
    assert.notEqual(normaliseClientAddress("2001:db8:1:3::5"), normaliseClientAddress("2001:db8:1:2::5"));
  });

  test("without our web server in front the peer header is not believed (anyone could send it)", () => {
    delete process.env[EDGE_SERVER_FLAG];
    assert.equal(clientAddressOf(request("198.51.100.7")), null);
    assert.equal(clientKeyOf(request("198.51.100.7")), "direct");
  });

  test("HTTPS is known only from a trusted proxy", () => {
    assert.equal(isHttpsRequest(request("198.51.100.7", { "x-forwarded-proto": "https" })), false);
    process.env.TRUST_PROXY = "1";
    resetConfig();
    assert.equal(isHttpsRequest(request("127.0.0.1", { "x-forwarded-proto": "https" })), true);
    assert.equal(isHttpsRequest(request("127.0.0.1", { "x-forwarded-proto": "http" })), false);
  });
});

describe("request body limits", () => {
  const decide = (pathname: string, contentLength?: number, transferEncoding?: string) =>
    decideRequestBody({ pathname, contentLength: contentLength === undefined ? undefined : String(contentLength), transferEncoding }, {});

  test("anyone may send up to 1 MB anywhere; more only to the console, and only when signed in", () => {
    assert.deepEqual(decide("/apply", ANONYMOUS_BODY_LIMIT_BYTES), { kind: "accept" });
    assert.deepEqual(decide("/apply", ANONYMOUS_BODY_LIMIT_BYTES + 1), { kind: "too-large", limitBytes: ANONYMOUS_BODY_LIMIT_BYTES });
    assert.deepEqual(decide("/api/v1/feedback", 2 * 1024 * 1024), { kind: "too-large", limitBytes: ANONYMOUS_BODY_LIMIT_BYTES });
    assert.deepEqual(decide("/admin/items/new", 30 * 1024 * 1024), { kind: "needs-credentials", limitBytes: consoleBodyLimitBytes({}) });
    assert.deepEqual(decide("/api/v1/admin/decisions/import", 30 * 1024 * 1024), { kind: "needs-credentials", limitBytes: consoleBodyLimitBytes({}) });
    assert.deepEqual(decide("/administrator", 2 * 1024 * 1024).kind, "too-large");
    assert.deepEqual(decide("/"), { kind: "accept" });
  });

  test("the console limit is five attachments of ATTACHMENT_MAX_MB plus 10 MB of fields", () => {
    assert.equal(consoleBodyLimitBytes({}), 110 * 1024 * 1024);
    assert.equal(consoleBodyLimitBytes({ ATTACHMENT_MAX_MB: "50" }), 260 * 1024 * 1024);
    assert.deepEqual(decideRequestBody({ pathname: "/admin/items/new", contentLength: String(111 * 1024 * 1024), transferEncoding: undefined }, {}), {
      kind: "too-large",
      limitBytes: 110 * 1024 * 1024,
    });
  });

  test("a body of unknown length (chunked) is refused with 411", () => {
    assert.deepEqual(decide("/apply", undefined, "chunked"), { kind: "length-required" });
  });
});

describe("restarting a crashed web server", () => {
  test("the delay doubles after each quick crash, up to 30 s, and starts again after a long run", () => {
    const backoff = new RestartBackoff();
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7].map(() => backoff.delayAfterCrash(500)),
      [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000],
    );
    assert.equal(backoff.delayAfterCrash(60_000), 1_000);
    assert.equal(backoff.delayAfterCrash(100), 2_000);
  });
});
