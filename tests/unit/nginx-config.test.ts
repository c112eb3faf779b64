import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { benchNginxConfig, findNginx } from "../../bench/nginx";

const deployed = readFileSync(path.join(process.cwd(), "deploy", "nginx.conf"), "utf8");

/** The text of each `server { … }` block at the top level of the http block. */
function serverBlocks(config: string): string[] {
  const blocks: string[] = [];
  for (const match of config.matchAll(/^ {4}server \{$/gm)) {
    const start = match.index!;
    const end = config.indexOf("\n    }\n", start);
    blocks.push(config.slice(start, end + 6));
  }
  return blocks;
}

describe("deploy/nginx.conf", () => {
  const [plain, tls] = serverBlocks(deployed);

  test("plain HTTP only redirects to HTTPS", () => {
    assert.match(plain, /listen 80;/);
    assert.match(plain, /return 301 https:\/\/\$host\$request_uri;/);
    assert.doesNotMatch(plain, /proxy_pass/, "nothing is served over plain HTTP");
  });

  test("the TLS server sends HSTS from every location and tells the application who asked, over what", () => {
    assert.match(tls, /listen 443 ssl/);
    assert.match(tls, /ssl_certificate \S+;/);
    assert.match(tls, /ssl_protocols TLSv1\.2 TLSv1\.3;/);
    const locations = tls.split(/\n {8}location /).slice(1);
    assert.ok(locations.length >= 2);
    for (const location of locations) {
      // An add_header in a location drops the server's, so each location must carry HSTS itself.
      if (/add_header/.test(location)) assert.match(location, /add_header Strict-Transport-Security "max-age=\d+" always;/, location);
      if (/proxy_pass/.test(location)) {
        assert.match(location, /proxy_set_header X-Forwarded-For \$remote_addr;/);
        assert.match(location, /proxy_set_header X-Forwarded-Proto \$scheme;/);
      }
    }
  });

  test("the bench's plain-HTTP copy keeps the rest of the file", () => {
    const bench = benchNginxConfig(deployed, "/tmp/bench-nginx", 18080, 13000);
    const directives = bench
      .split("\n")
      .filter((line) => !line.trim().startsWith("#"))
      .join("\n");
    assert.doesNotMatch(directives, /ssl_|listen 80;|listen 443|return 301/);
    assert.match(bench, /listen 127\.0\.0\.1:18080;/);
    assert.match(bench, /server 127\.0\.0\.1:13000;/);
    assert.match(bench, /proxy_cache gongkai;/);
  });

  test("the failover copy spreads requests over two servers and takes a dead one out of the rotation", () => {
    const bench = benchNginxConfig(deployed, "/tmp/bench-nginx", 18080, [13001, 13002]);
    const upstream = bench.match(/upstream gongkai \{[^}]*\}/)?.[0] ?? "";
    assert.match(upstream, /server 127\.0\.0\.1:13001 max_fails=1 fail_timeout=10s;/);
    assert.match(upstream, /server 127\.0\.0\.1:13002 max_fails=1 fail_timeout=10s;/);
    assert.doesNotMatch(upstream, /:3000/);
    // No proxy_next_upstream that would switch off nginx's default (retry a failed GET on the next server).
    assert.doesNotMatch(bench, /proxy_next_upstream\s+off/);
  });

  const nginx = findNginx();
  test("nginx accepts the file as it is (with a throwaway certificate)", { skip: nginx ? false : "nginx is not installed" }, () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), "gongkai-nginx-"));
    try {
      const certificate = path.join(directory, "cert.pem");
      const key = path.join(directory, "key.pem");
      const made = spawnSync(
        "openssl",
        ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "1", "-keyout", key, "-out", certificate],
        { encoding: "utf8" },
      );
      assert.equal(made.status, 0, made.stderr);
      mkdirSync(path.join(directory, "logs"));
      const config = deployed
        .replace(/^user www-data;$/m, "")
        .replace("/etc/ssl/gongkai/fullchain.pem", certificate)
        .replace("/etc/ssl/gongkai/privkey.pem", key)
        .replace("/run/nginx-gongkai.pid", path.join(directory, "nginx.pid"))
        .replace(/\/var\/log\/nginx\//g, `${directory}/logs/`)
        .replace("/var/cache/nginx/gongkai", path.join(directory, "cache"));
      const file = path.join(directory, "nginx.conf");
      writeFileSync(file, config);
      const checked = spawnSync(nginx!, ["-t", "-c", file, "-p", directory, "-g", `error_log ${directory}/logs/test.log;`], { encoding: "utf8" });
      assert.equal(checked.status, 0, checked.stderr);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
