import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isProcessAlive, parentProcessOf, processCommand } from "@/lib/database/embedded-postgres";

/**
 * The web server runs as a child of the start script. After a `kill -9` of the script it would
 * keep the port; its pid is kept under DATA_DIR so that the next start can stop the orphan.
 * (Our own web server, scripts/web-server.ts, also stops by itself when its supervisor goes away;
 * `next dev` does not.) The pid file always names the current child, restarts included.
 */
function pidFile(dataDir: string): string {
  return path.join(dataDir, "web.pid");
}

export function recordWebProcess(dataDir: string, pid: number): void {
  writeFileSync(pidFile(dataDir), String(pid));
}

export function forgetWebProcess(dataDir: string): void {
  rmSync(pidFile(dataDir), { force: true });
}

export async function stopOrphanedWebProcess(dataDir: string, log: (line: string) => void): Promise<void> {
  const file = pidFile(dataDir);
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, "utf8"));
  const parent = pid > 0 && isProcessAlive(pid) ? parentProcessOf(pid) : 0;
  const orphaned =
    pid > 0 && isProcessAlive(pid) && !processCommand(parent).includes("scripts/serve.ts") && /next|scripts\/web-server/.test(processCommand(pid));
  if (orphaned) {
    log(`Stopping a web server left running by an earlier start (pid ${pid}).`);
    process.kill(pid, "SIGTERM");
    for (let waited = 0; waited < 100 && isProcessAlive(pid); waited++) await new Promise((resolve) => setTimeout(resolve, 100));
    if (isProcessAlive(pid)) process.kill(pid, "SIGKILL");
  }
  if (!isProcessAlive(pid) || orphaned) rmSync(file, { force: true });
}
