import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isProcessAlive, parentProcessOf, processCommand } from "@/lib/database/embedded-postgres";

/**
 * The web servers run as children of the start script (WEB_CONCURRENCY of them). After a `kill -9`
 * of the script they would keep the port; their pids are kept under DATA_DIR, one a line, so that
 * the next start can stop the orphans. (Our own web server, scripts/web-server.ts, also stops by
 * itself when its supervisor goes away; `next dev` does not.) The pid file always names the
 * current children, restarts included, in the order of their slots.
 */
function pidFile(dataDir: string): string {
  return path.join(dataDir, "web.pid");
}

export function recordWebProcesses(dataDir: string, pids: number[]): void {
  writeFileSync(pidFile(dataDir), pids.map(String).join("\n"));
}

export function forgetWebProcess(dataDir: string): void {
  rmSync(pidFile(dataDir), { force: true });
}

async function stopOrphan(pid: number, log: (line: string) => void): Promise<boolean> {
  const parent = pid > 0 && isProcessAlive(pid) ? parentProcessOf(pid) : 0;
  const orphaned =
    pid > 0 && isProcessAlive(pid) && !processCommand(parent).includes("scripts/serve.ts") && /next|scripts\/web-server/.test(processCommand(pid));
  if (orphaned) {
    log(`Stopping a web server left running by an earlier start (pid ${pid}).`);
    process.kill(pid, "SIGTERM");
    for (let waited = 0; waited < 100 && isProcessAlive(pid); waited++) await new Promise((resolve) => setTimeout(resolve, 100));
    if (isProcessAlive(pid)) process.kill(pid, "SIGKILL");
  }
  return orphaned || !(pid > 0 && isProcessAlive(pid));
}

export async function stopOrphanedWebProcess(dataDir: string, log: (line: string) => void): Promise<void> {
  const file = pidFile(dataDir);
  if (!existsSync(file)) return;
  const pids = readFileSync(file, "utf8")
    .split("\n")
    .map(Number)
    .filter((pid) => pid > 0);
  const settled = await Promise.all(pids.map((pid) => stopOrphan(pid, log)));
  if (settled.every(Boolean)) rmSync(file, { force: true });
}
