import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isCrossSiteServerAction, mayBeServerAction } from "@/lib/http-security/server-action-origin";

describe("server actions posted from another site", () => {
  test("a POST with Next-Action, or a form post to a page, may be a server action; API calls and GETs are not", () => {
    assert.equal(mayBeServerAction("POST", "/feedback", { "next-action": "abc" }), true);
    assert.equal(mayBeServerAction("POST", "/apply", { "content-type": "multipart/form-data; boundary=x" }), true);
    assert.equal(mayBeServerAction("POST", "/login", { "content-type": "application/x-www-form-urlencoded" }), true);
    assert.equal(mayBeServerAction("POST", "/api/v1/feedback", { "content-type": "multipart/form-data; boundary=x" }), false);
    assert.equal(mayBeServerAction("GET", "/feedback", { "next-action": "abc" }), false);
  });

  test("refused like Next refuses them — another host, a null or unreadable Origin — and only those", () => {
    assert.equal(isCrossSiteServerAction({ origin: "http://gongkai.example", host: "gongkai.example" }), false);
    assert.equal(isCrossSiteServerAction({ host: "gongkai.example" }), false, "no Origin: left to Next");
    assert.equal(isCrossSiteServerAction({ origin: "https://evil.example", host: "gongkai.example" }), true);
    assert.equal(isCrossSiteServerAction({ origin: "null", host: "gongkai.example" }), true);
    assert.equal(isCrossSiteServerAction({ origin: "not a url", host: "gongkai.example" }), true);
    assert.equal(isCrossSiteServerAction({ origin: "http://gongkai.example:8080", host: "gongkai.example" }), true, "the port is part of the host");
    // Behind a trusted proxy the app sees its X-Forwarded-Host (the web server drops it from anyone else).
    assert.equal(isCrossSiteServerAction({ origin: "https://public.example", host: "127.0.0.1:3000", "x-forwarded-host": "public.example" }), false);
  });
});
