/**
 * Runs deploy/nginx.conf for the bench: the same file with its ports and paths pointed at the
 * bench's server and a scratch directory (access log off, so nginx measures like production
 * without a disk bottleneck), over plain HTTP (the TLS server block without its certificate, the
 * redirect server left out). Skipped when nginx is not installed (`apt-get install nginx`).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export const NGINX_BINARIES = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"];

export function findNginx(): string | null {
  return NGINX_BINARIES.find((candidate) => existsSync(candidate)) ?? null;
}

/**
 * `upstreamPort` is one application server, or several (the two-machine layout of deploy/README.md):
 * then nginx spreads requests over them and takes a server that stops answering out of the rotation.
 */
export function benchNginxConfig(template: string, directory: string, listenPort: number, upstreamPort: number | number[]): string {
  const replace = (text: string, from: string | RegExp, to: string) => {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`deploy/nginx.conf changed: cannot find ${String(from)}`);
    return next;
  };
  let config = template;
  config = replace(config, /^user www-data;$/m, typeof process.getuid === "function" && process.getuid() === 0 ? "user root;" : "");
  config = replace(config, "pid /run/nginx-gongkai.pid;", `pid ${path.join(directory, "nginx.pid")};`);
  config = replace(config, "error_log /var/log/nginx/gongkai-error.log warn;", `error_log ${path.join(directory, "error.log")} warn;`);
  config = replace(
    config,
    "access_log /var/log/nginx/gongkai-access.log;",
    [
      "access_log off;",
      `    client_body_temp_path ${path.join(directory, "client")};`,
      `    proxy_temp_path ${path.join(directory, "proxy")};`,
      `    fastcgi_temp_path ${path.join(directory, "fastcgi")};`,
      `    uwsgi_temp_path ${path.join(directory, "uwsgi")};`,
      `    scgi_temp_path ${path.join(directory, "scgi")};`,
    ].join("\n"),
  );
  config = replace(config, "/var/cache/nginx/gongkai", path.join(directory, "cache"));
  const upstreams = [upstreamPort].flat();
  config = replace(
    config,
    "server 127.0.0.1:3000;",
    upstreams.length === 1
      ? `server 127.0.0.1:${upstreams[0]};`
      : upstreams.map((port) => `server 127.0.0.1:${port} max_fails=1 fail_timeout=10s;`).join("\n        "),
  );
  // The bench measures over plain HTTP: no redirect server, the TLS server on the bench's port.
  config = replace(config, /\n    # BEGIN plain HTTP[\s\S]*?# END plain HTTP\n/, "\n");
  config = replace(config, "listen 443 ssl http2;", `listen 127.0.0.1:${listenPort};`);
  config = replace(config, /^\s*listen \[::\]:443 ssl http2;\n/m, "");
  config = replace(config, /^\s*ssl_[a-z_]+ [^\n]*;\n/gm, "");
  return config;
}

export type RunningNginx = { stop(): Promise<void> };

export async function startNginx(binary: string, root: string, directory: string, listenPort: number, upstreamPort: number | number[]): Promise<RunningNginx> {
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, "nginx.conf");
  writeFileSync(file, benchNginxConfig(readFileSync(path.join(root, "deploy", "nginx.conf"), "utf8"), directory, listenPort, upstreamPort));
  const test = spawnSync(binary, ["-t", "-c", file, "-p", directory], { encoding: "utf8" });
  if (test.status !== 0) throw new Error(`nginx -t failed: ${test.stderr}`);
  const child: ChildProcess = spawn(binary, ["-c", file, "-p", directory, "-g", "daemon off;"], { stdio: "ignore" });
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await fetch(`http://127.0.0.1:${listenPort}/api/health`);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGQUIT");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
