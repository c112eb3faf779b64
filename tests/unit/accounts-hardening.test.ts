import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { findCrossSiteWriteProblem, isWriteMethod } from "@/lib/auth/same-origin-writes";
import { servesOverHttps } from "@/lib/auth/secure-cookies";
import { resetConfig } from "@/lib/config";
import { EDGE_SERVER_FLAG, PEER_ADDRESS_HEADER } from "@/lib/http-security/client-address";
import { acceptsDemoPasswords, readDemoSetting, shouldSeedDemoData } from "@/lib/runtime/demo-mode";
import { isWellFormedUsername, normaliseUsername } from "@/lib/users/username";

describe("usernames", () => {
  test("are normalised: compatibility forms folded, spaces dropped, lower case", () => {
    assert.equal(normaliseUsername("  Admin "), "admin");
    assert.equal(normaliseUsername("ＡＤＭＩＮ"), "admin");
    assert.equal(normaliseUsername("Wang.Fang-2"), "wang.fang-2");
  });

  test("only letters, digits, _ . - and 2–40 characters make a name an account can have", () => {
    for (const name of ["admin", "a_min", "wang.fang", "x1", "a".repeat(40)]) assert.equal(isWellFormedUsername(name), true, name);
    for (const name of ["%dmin", "a%", "a", "", "a".repeat(41), "王芳", "ad min", "admin'--"]) assert.equal(isWellFormedUsername(name), false, name);
  });
});

describe("which API writes a session cookie may make", () => {
  const request = (method: string, headers: Record<string, string>, url = "http://gongkai.example/api/v1/admin/items") => new Request(url, { method, headers });
  const json = { "Content-Type": "application/json" };

  test("writes are POST, PUT, PATCH and DELETE", () => {
    assert.deepEqual(["GET", "HEAD", "OPTIONS", "POST", "put", "PATCH", "DELETE"].map(isWriteMethod), [false, false, false, true, true, true, true]);
    assert.equal(findCrossSiteWriteProblem(request("GET", { Origin: "https://evil.example" }), {}), null);
  });

  test("the Origin must name this site; without Origin, only Sec-Fetch-Site: same-origin will do", () => {
    assert.equal(findCrossSiteWriteProblem(request("POST", { ...json, Origin: "http://gongkai.example" }), {}), null);
    assert.equal(findCrossSiteWriteProblem(request("POST", { ...json, Origin: "https://evil.example" }), {}), "origin");
    assert.equal(findCrossSiteWriteProblem(request("POST", { ...json, Origin: "http://gongkai.example.evil.example" }), {}), "origin");
    assert.equal(findCrossSiteWriteProblem(request("POST", { ...json, Origin: "null" }), {}), "origin");
    assert.equal(findCrossSiteWriteProblem(request("POST", { ...json }), {}), "origin");
    assert.equal(findCrossSiteWriteProblem(request("POST", { ...json, "Sec-Fetch-Site": "same-site" }), {}), "origin");
    assert.equal(findCrossSiteWriteProblem(request("POST", { ...json, "Sec-Fetch-Site": "same-origin" }), {}), null);
  });

  test("behind a proxy the site is the forwarded host (TRUST_PROXY=1) or the configured address; TLS may end at the proxy", () => {
    const internal = "http://127.0.0.1:3000/api/v1/admin/items";
    const fromPublicPage = { ...json, Origin: "https://gongkai.gov.example", "X-Forwarded-Host": "gongkai.gov.example" };
    assert.equal(findCrossSiteWriteProblem(request("POST", fromPublicPage, internal), {}), "origin");
    // X-Forwarded-Host counts only when our web server saw the request come from a proxy TRUST_PROXY names.
    const viaProxy = { ...fromPublicPage, [PEER_ADDRESS_HEADER]: "127.0.0.1" };
    const saved = { trust: process.env.TRUST_PROXY, edge: process.env[EDGE_SERVER_FLAG] };
    process.env[EDGE_SERVER_FLAG] = "1";
    try {
      delete process.env.TRUST_PROXY;
      resetConfig();
      assert.equal(findCrossSiteWriteProblem(request("POST", viaProxy, internal), {}), "origin");
      process.env.TRUST_PROXY = "1";
      resetConfig();
      assert.equal(findCrossSiteWriteProblem(request("POST", viaProxy, internal), {}), null);
      assert.equal(findCrossSiteWriteProblem(request("POST", { ...viaProxy, [PEER_ADDRESS_HEADER]: "203.0.113.9" }, internal), {}), "origin");
    } finally {
      if (saved.trust === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = saved.trust;
      resetConfig();
      if (saved.edge === undefined) delete process.env[EDGE_SERVER_FLAG];
      else process.env[EDGE_SERVER_FLAG] = saved.edge;
    }
    assert.equal(
      findCrossSiteWriteProblem(request("POST", { ...json, Origin: "https://gongkai.gov.example" }, internal), { AUTH_URL: "https://gongkai.gov.example" }),
      null,
    );
    assert.equal(
      findCrossSiteWriteProblem(request("POST", { ...json, Origin: "https://gongkai.gov.example" }, internal), {
        PUBLIC_BASE_URL: "https://gongkai.gov.example/",
      }),
      null,
    );
  });

  test("the body must be JSON or multipart", () => {
    const origin = { Origin: "http://gongkai.example" };
    for (const type of ["application/json", "application/JSON; charset=utf-8", "multipart/form-data; boundary=x"]) {
      assert.equal(findCrossSiteWriteProblem(request("POST", { ...origin, "Content-Type": type }), {}), null, type);
    }
    for (const type of ["text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded", "application/jsonp"]) {
      assert.equal(findCrossSiteWriteProblem(request("POST", { ...origin, "Content-Type": type }), {}), "content_type", type);
    }
    assert.equal(findCrossSiteWriteProblem(request("DELETE", origin), {}), "content_type");
  });
});

describe("Secure session cookies", () => {
  const forwardedHttps = new Headers({ "X-Forwarded-Proto": "https" });
  const forwardedHttp = new Headers({ "X-Forwarded-Proto": "http" });

  test("AUTH_URL decides when set, whatever the request says", () => {
    assert.equal(servesOverHttps({ AUTH_URL: "https://gongkai.gov.example" }, new Headers()), true);
    assert.equal(servesOverHttps({ AUTH_URL: "https://gongkai.gov.example" }, forwardedHttp), true);
    assert.equal(servesOverHttps({ NEXTAUTH_URL: "HTTPS://gongkai.gov.example" }, new Headers()), true);
    assert.equal(servesOverHttps({ AUTH_URL: "http://localhost:3000" }, forwardedHttps), false);
  });

  test("an https:// PUBLIC_BASE_URL makes them Secure even when a request claims http", () => {
    assert.equal(servesOverHttps({ PUBLIC_BASE_URL: "https://gongkai.gov.example" }, forwardedHttp), true);
    assert.equal(servesOverHttps({ PUBLIC_BASE_URL: "http://intranet.example" }, new Headers()), false);
  });

  test("otherwise a request the proxy forwarded as HTTPS gets them; a plain one does not", () => {
    assert.equal(servesOverHttps({ TRUST_PROXY: "1" }, forwardedHttps), true);
    assert.equal(servesOverHttps({}, forwardedHttps), true);
    assert.equal(servesOverHttps({ TRUST_PROXY: "1" }, new Headers({ "X-Forwarded-Proto": "http, https" })), true);
    assert.equal(servesOverHttps({ TRUST_PROXY: "1" }, forwardedHttp), false);
    assert.equal(servesOverHttps({}, new Headers()), false);
  });
});

describe("demo mode at start", () => {
  const embeddedNew = { embedded: true, createdNow: true };
  const embeddedExisting = { embedded: true, createdNow: false };
  const realDatabase = { embedded: false, createdNow: false };

  test("DEMO_MODE reads 1/0 (and yes/no, true/false, on/off); anything else is refused", () => {
    assert.equal(readDemoSetting({}), "unset");
    assert.equal(readDemoSetting({ DEMO_MODE: "" }), "unset");
    assert.equal(readDemoSetting({ DEMO_MODE: "1" }), "on");
    assert.equal(readDemoSetting({ DEMO_MODE: "Yes" }), "on");
    assert.equal(readDemoSetting({ DEMO_MODE: "0" }), "off");
    assert.equal(readDemoSetting({ DEMO_MODE: "false" }), "off");
    assert.deepEqual(readDemoSetting({ DEMO_MODE: "maybe" }), { invalid: "maybe" });
  });

  test("the embedded quick start seeds a new database; a real database is never seeded unless DEMO_MODE=1 and it has no accounts", () => {
    assert.equal(shouldSeedDemoData(embeddedNew, "unset", {}, 0), true);
    assert.equal(shouldSeedDemoData(embeddedExisting, "unset", {}, 0), false);
    assert.equal(shouldSeedDemoData(embeddedNew, "unset", { SEED_DEMO: "0" }, 0), false);
    assert.equal(shouldSeedDemoData(embeddedNew, "off", {}, 0), false);
    assert.equal(shouldSeedDemoData(realDatabase, "unset", {}, 0), false);
    assert.equal(shouldSeedDemoData(realDatabase, "on", {}, 0), true);
    assert.equal(shouldSeedDemoData(realDatabase, "on", {}, 3), false);
  });

  test("demo passwords are accepted by an embedded demo, or wherever DEMO_MODE=1; never with DEMO_MODE=0", () => {
    assert.equal(acceptsDemoPasswords(embeddedExisting, "unset", true), true);
    assert.equal(acceptsDemoPasswords(embeddedExisting, "unset", false), false, "demo mode was ended");
    assert.equal(acceptsDemoPasswords(realDatabase, "unset", true), false);
    assert.equal(acceptsDemoPasswords(realDatabase, "on", false), true);
    assert.equal(acceptsDemoPasswords(embeddedExisting, "off", true), false);
  });
});
