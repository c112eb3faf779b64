import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { parse } from "yaml";
import { CONFIG_VARIABLES } from "@/lib/config";
import { parseStorageUrl } from "@/lib/storage/storage-settings";

/**
 * deploy/docker-compose.yml is not run in CI (no Docker there): this checks what can be checked
 * without it. It parses as YAML, it has the services of the two-machine layout (deploy/README.md),
 * the apps write to the primary and read public content from the replica, every variable they are
 * given is one the product reads, and every file it mounts exists.
 */

const deployDir = path.join(process.cwd(), "deploy");
type Service = { environment?: Record<string, string>; volumes?: string[]; image?: string; build?: unknown; depends_on?: Record<string, unknown> };
const compose = parse(readFileSync(path.join(deployDir, "docker-compose.yml"), "utf8"), { merge: true }) as { services: Record<string, Service> };

describe("deploy/docker-compose.yml", () => {
  test("describes nginx → two apps → PostgreSQL primary + replica → object storage", () => {
    for (const name of ["nginx", "app1", "app2", "postgres-primary", "postgres-replica", "minio", "migrate"])
      assert.ok(compose.services[name], `service ${name}`);
    assert.match(compose.services["postgres-primary"].image!, /^postgres:/);
    assert.match(compose.services["postgres-replica"].image!, /^postgres:/);
    const nginx = readFileSync(path.join(deployDir, "compose", "nginx.conf"), "utf8");
    assert.match(nginx, /server app1:3000/);
    assert.match(nginx, /server app2:3000/);
  });

  test("both apps: writes to the primary, public reads from the replica, one AUTH_SECRET, known variables only", () => {
    for (const name of ["app1", "app2"]) {
      const environment = compose.services[name].environment!;
      assert.match(environment.DATABASE_URL, /@postgres-primary:5432\//);
      assert.match(environment.DATABASE_REPLICA_URL, /@postgres-replica:5432\//);
      assert.ok(environment.AUTH_SECRET.includes("${AUTH_SECRET"));
      // The bucket address is one the storage driver takes: MinIO's bucket, path-style.
      assert.deepEqual(
        (({ driver, bucket, forcePathStyle }) => ({ driver, bucket, forcePathStyle }))(
          parseStorageUrl(environment.STORAGE_URL) as { driver: string; bucket?: string; forcePathStyle?: boolean },
        ),
        { driver: "s3", bucket: "gongkai-uploads", forcePathStyle: true },
      );
      for (const variable of Object.keys(environment)) {
        assert.ok((CONFIG_VARIABLES as string[]).includes(variable), `${name}: ${variable} is not a variable the product reads`);
      }
    }
  });

  test("every file it mounts or builds from exists", () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(":")[0];
        if (source.startsWith(".")) assert.ok(existsSync(path.join(deployDir, source)), `${name}: ${source}`);
      }
    }
    assert.ok(existsSync(path.join(deployDir, "compose", "Dockerfile")));
  });
});

describe("deploy/haproxy.cfg", () => {
  test("balances two app machines, checking /api/health", () => {
    const config = readFileSync(path.join(deployDir, "haproxy.cfg"), "utf8");
    assert.equal(config.match(/^\s+server app\d .*:3000 check$/gm)?.length, 2);
    assert.match(config, /http-check send meth GET uri \/api\/health/);
    assert.ok(existsSync(path.join(process.cwd(), "app", "api", "health", "route.ts")));
  });
});
