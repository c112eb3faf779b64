import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { CONFIG_VARIABLES, ConfigError, parseConfig, readConfig, resetConfig } from "@/lib/config";
import { parseStorageUrl } from "@/lib/storage/storage-settings";

function problemsOf(environment: Record<string, string>): { variable: string; message: string }[] {
  try {
    parseConfig(environment);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.problems;
  }
  assert.fail(`accepted ${JSON.stringify(environment)}`);
}

describe("configuration (lib/config.ts)", () => {
  test("nothing set: the documented defaults", () => {
    const config = parseConfig({});
    assert.equal(config.DATABASE_URL, undefined);
    assert.equal(config.DATA_DIR, ".data");
    assert.equal(config.PORT, 3000);
    assert.equal(config.HOST, undefined);
    assert.equal(config.DATABASE_POOL_SIZE, 10);
    assert.equal(config.EMBEDDED_DATABASE_PORT, 54329);
    assert.equal(config.ATTACHMENT_MAX_MB, 20);
    assert.equal(config.OPEN_DATA_RATE_LIMIT, 600);
    assert.equal(config.WEB_HEAP_MB, 320);
    assert.deepEqual([config.PUBLIC_CACHE_MAX_AGE, config.PUBLIC_CACHE_S_MAXAGE, config.PUBLIC_CACHE_STALE_WHILE_REVALIDATE], [0, 60, 300]);
    assert.equal(config.PUBLIC_VERSION_CHECK_MS, 0);
    assert.equal(config.TRUST_PROXY, "");
    assert.equal(config.DEMO_MODE, "unset");
    assert.equal(config.SEED_DEMO, true);
    assert.equal(config.SEARCH_CACHE, "on");
    assert.equal(config.SCHEDULER_INTERVAL_MS, 15_000);
    assert.equal(config.DISABLE_SCHEDULER, false);
    assert.equal(config.DEBUG_DATABASE, false);
  });

  test("good values are parsed into their types; blank counts as unset and spaces are trimmed", () => {
    const config = parseConfig({
      DATABASE_URL: "postgresql://gongkai:secret@db.internal:5432/gongkai",
      PORT: " 8080 ",
      HOST: "127.0.0.1",
      DATABASE_POOL_SIZE: "25",
      ATTACHMENT_MAX_MB: "50",
      OPEN_DATA_RATE_LIMIT: "0",
      TRUST_PROXY: "10.0.0.5, 10.1.0.0/16",
      DEMO_MODE: "0",
      SEED_DEMO: "0",
      AUTH_URL: "https://gongkai.example.gov.cn",
      PUBLIC_BASE_URL: "https://gongkai.example.gov.cn/",
      SEARCH_CACHE: "off",
      DISABLE_SCHEDULER: "1",
      CLOCK_START_FOR_TESTS: "2026-12-02T10:00:00+08:00",
      WEB_HEAP_MB: "",
    });
    assert.equal(config.PORT, 8080);
    assert.equal(config.DATABASE_POOL_SIZE, 25);
    assert.equal(config.ATTACHMENT_MAX_MB, 50);
    assert.equal(config.OPEN_DATA_RATE_LIMIT, 0);
    assert.equal(config.TRUST_PROXY, "10.0.0.5, 10.1.0.0/16");
    assert.equal(config.DEMO_MODE, "off");
    assert.equal(config.SEED_DEMO, false);
    assert.equal(config.SEARCH_CACHE, "off");
    assert.equal(config.DISABLE_SCHEDULER, true);
    assert.equal(config.WEB_HEAP_MB, 320, "blank is the default");
    assert.equal(parseConfig({ DEMO_MODE: "yes" }).DEMO_MODE, "on");
    assert.equal(parseConfig({ TRUST_PROXY: "1" }).TRUST_PROXY, "1");
  });

  test("each wrong value is refused with a message naming its variable and what it expects", () => {
    const cases: [string, string, RegExp][] = [
      ["PORT", "abc", /whole number from 0 to 65535/],
      ["PORT", "70000", /whole number from 0 to 65535/],
      ["PORT", "3000.5", /whole number/],
      ["DATABASE_POOL_SIZE", "0", /whole number of connections from 1 to 1000/],
      ["DATABASE_POOL_SIZE", "ten", /whole number/],
      ["EMBEDDED_DATABASE_PORT", "-1", /whole number/],
      ["TRUST_PROXY", "2", /not a hop count/],
      ["TRUST_PROXY", "nginx.local", /not a list of addresses or CIDR ranges/],
      ["ATTACHMENT_MAX_MB", "2048", /from 1 to 1024/],
      ["ATTACHMENT_MAX_MB", "20MB", /whole number of megabytes/],
      ["OPEN_DATA_RATE_LIMIT", "-5", /whole number/],
      ["WEB_HEAP_MB", "32", /from 64/],
      ["PUBLIC_CACHE_S_MAXAGE", "1e3", /whole number of seconds/],
      ["PUBLIC_CACHE_STALE_WHILE_REVALIDATE", "NaN", /whole number/],
      ["PUBLIC_CACHE_MAX_AGE", "-1", /whole number/],
      ["PUBLIC_VERSION_CHECK_MS", "soon", /milliseconds/],
      ["SCHEDULER_INTERVAL_MS", "5", /from 100/],
      ["DEMO_MODE", "sometimes", /expected 1 \(a demo installation\) or 0/],
      ["SEED_DEMO", "maybe", /expected 1 \(on\) or 0 \(off\)/],
      ["DISABLE_SCHEDULER", "yes please", /expected 1 \(on\) or 0 \(off\)/],
      ["DEBUG_DATABASE", "verbose", /expected 1 \(on\) or 0 \(off\)/],
      ["SEARCH_CACHE", "disabled", /expected on or off/],
      ["DATABASE_URL", "mysql://localhost/gongkai", /PostgreSQL connection string/],
      ["DATABASE_URL", "localhost:5432", /PostgreSQL connection string/],
      ["AUTH_URL", "gongkai.example.gov.cn", /http:\/\/ or https:\/\/ address/],
      ["PUBLIC_BASE_URL", "ftp://gongkai.example.gov.cn", /http:\/\/ or https:\/\/ address/],
      ["CLOCK_START_FOR_TESTS", "next Wednesday", /expected an instant/],
      ["STORAGE_URL", "minio:9000/gongkai", /expected an s3:\/\/ address/],
      ["STORAGE_URL", "https://minio.example.gov.cn/gongkai", /expected an s3:\/\/ address/],
      ["STORAGE_URL", "s3://Gongkai_Files", /not a bucket name/],
      ["STORAGE_URL", "s3://ak:sk@gongkai", /STORAGE_ACCESS_KEY_ID and STORAGE_SECRET_ACCESS_KEY, not in the address/],
      ["STORAGE_URL", "s3://gongkai?endpoint=minio:9000", /\?endpoint= must be an http:\/\/ or https:\/\/ address/],
      ["STORAGE_URL", "s3://gongkai?forcePathstyle=true", /unknown option \?forcePathstyle=/],
      ["STORAGE_URL", "s3://gongkai?forcePathStyle=yes", /forcePathStyle= must be true or false/],
      ["STORAGE_URL", "s3://gongkai/a/../b", /plain folder names/],
      ["STORAGE_URL", "s3://gongkai:9000", /put the server's address and port in \?endpoint=/],
    ];
    for (const [variable, value, expected] of cases) {
      const problems = problemsOf({ [variable]: value });
      assert.deepEqual(
        problems.map((problem) => problem.variable),
        [variable],
        `${variable}=${value}`,
      );
      assert.match(problems[0].message, expected, `${variable}=${value}`);
      assert.throws(
        () => parseConfig({ [variable]: value }),
        (error: Error) => error.message.includes(`${variable}=${JSON.stringify(value)}`),
        `${variable}=${value} in the message`,
      );
    }
  });

  test("STORAGE_URL: unset is the local directory; an s3:// address names the bucket, prefix and service; keys come in pairs", () => {
    assert.deepEqual(parseStorageUrl(parseConfig({}).STORAGE_URL), { driver: "local" });
    const config = parseConfig({
      STORAGE_URL: "s3://gongkai-files/site-a/?endpoint=https://minio.example.gov.cn:9000&region=cn-north-1&forcePathStyle=true",
      STORAGE_ACCESS_KEY_ID: "AKIDEXAMPLE",
      STORAGE_SECRET_ACCESS_KEY: "secret/with+signs",
    });
    assert.deepEqual(parseStorageUrl(config.STORAGE_URL), {
      driver: "s3",
      bucket: "gongkai-files",
      prefix: "site-a",
      endpoint: "https://minio.example.gov.cn:9000",
      region: "cn-north-1",
      forcePathStyle: true,
    });
    assert.deepEqual(parseStorageUrl("s3://examplebucket-1250000000"), {
      driver: "s3",
      bucket: "examplebucket-1250000000",
      prefix: "",
      endpoint: undefined,
      region: "us-east-1",
      forcePathStyle: false,
    });
    // The error names the variable that is missing, never a secret's value.
    const halfPair = problemsOf({ STORAGE_URL: "s3://gongkai", STORAGE_SECRET_ACCESS_KEY: "do-not-print-me" });
    assert.deepEqual(
      halfPair.map((problem) => problem.variable),
      ["STORAGE_ACCESS_KEY_ID"],
    );
    assert.match(halfPair[0].message, /set both/);
    assert.throws(
      () => parseConfig({ STORAGE_URL: "s3://gongkai", STORAGE_SECRET_ACCESS_KEY: "do-not-print-me" }),
      (error: Error) => !error.message.includes("do-not-print-me"),
    );
    const noBucket = problemsOf({ STORAGE_ACCESS_KEY_ID: "AKIDEXAMPLE", STORAGE_SECRET_ACCESS_KEY: "do-not-print-me" });
    assert.deepEqual(
      noBucket.map((problem) => problem.variable),
      ["STORAGE_URL"],
    );
    assert.match(noBucket[0].message, /no s3:\/\/ STORAGE_URL/);
  });

  test("every wrong variable is reported at once, not only the first", () => {
    const problems = problemsOf({ PORT: "abc", DATABASE_POOL_SIZE: "0", TRUST_PROXY: "2", HOST: "0.0.0.0" });
    assert.deepEqual(problems.map((problem) => problem.variable).sort(), ["DATABASE_POOL_SIZE", "PORT", "TRUST_PROXY"]);
  });

  test("parsed once per process; resetConfig parses process.env again", () => {
    const saved = process.env.OPEN_DATA_RATE_LIMIT;
    try {
      process.env.OPEN_DATA_RATE_LIMIT = "7";
      resetConfig();
      assert.equal(readConfig().OPEN_DATA_RATE_LIMIT, 7);
      process.env.OPEN_DATA_RATE_LIMIT = "8";
      assert.equal(readConfig().OPEN_DATA_RATE_LIMIT, 7, "memoised");
      resetConfig();
      assert.equal(readConfig().OPEN_DATA_RATE_LIMIT, 8);
    } finally {
      if (saved === undefined) delete process.env.OPEN_DATA_RATE_LIMIT;
      else process.env.OPEN_DATA_RATE_LIMIT = saved;
      resetConfig();
    }
  });

  test("the README's configuration table has one row per variable, and no other", () => {
    const readme = readFileSync("README.md", "utf8");
    const section = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("\n## ", readme.indexOf("## Configuration") + 1));
    const documented = [...section.matchAll(/^\| ((?:`[A-Z0-9_]+`(?:, )?)+) \|/gm)].flatMap((match) =>
      [...match[1].matchAll(/`([A-Z0-9_]+)`/g)].map((name) => name[1]),
    );
    assert.deepEqual([...documented].sort(), [...CONFIG_VARIABLES].sort());
  });

  test("no code outside lib/config.ts reads a configuration variable from process.env", async () => {
    const { readdirSync, statSync } = await import("node:fs");
    const files: string[] = [];
    const walk = (directory: string) => {
      for (const name of readdirSync(directory)) {
        const full = `${directory}/${name}`;
        if (name === "generated" || name === "node_modules") continue;
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.(ts|tsx|js|mjs)$/.test(name)) files.push(full);
      }
    };
    for (const root of ["lib", "app", "components", "scripts", "prisma"]) walk(root);
    files.push("proxy.ts", "instrumentation.ts");
    const readers = files
      .filter((file) => file !== "lib/config.ts")
      .flatMap((file) => {
        const source = readFileSync(file, "utf8");
        return CONFIG_VARIABLES.filter((name) =>
          new RegExp(`process\\.env(\\.${name}\\b|\\[["']${name}["']\\])(?!\\s*(\\?\\?|\\|\\|)?=[^=])`).test(source),
        ).map((name) => `${file}: ${name}`);
      });
    assert.deepEqual(readers, []);
  });
});
