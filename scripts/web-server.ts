/**
 * A web process that `npm start` (scripts/serve.ts) runs, WEB_CONCURRENCY of them as cluster
 * workers sharing one port, and restarts when it crashes: our HTTP server around Next
 * (lib/runtime/web-server.ts) on HOST:PORT. It tells the supervisor when it
 * listens; SIGTERM/SIGINT, or the supervisor going away, stop it after the requests in progress.
 * Run without the react-server condition: `node --import tsx scripts/web-server.ts`.
 */
import { readConfig } from "@/lib/config";
import { startWebServer } from "@/lib/runtime/web-server";

const log = (line: string) => console.log(`[gongkai] ${line}`);
// Which of the WEB_CONCURRENCY processes this is (set by scripts/serve.ts); sent as X-Web-Process
// only when WEB_PROCESS_HEADER=1 (the bench and tests tell the processes apart by it).
try {
  const { PORT: port, HOST: host, WEB_PROCESS_HEADER: processHeader } = readConfig();
  const processLabel = processHeader ? (process.env.WEB_PROCESS_INDEX ?? "1") : undefined;
  const running = await startWebServer({ dir: process.cwd(), port, host, log, processLabel });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // The supervisor died (kill -9): do not stay behind holding the port.
  process.on("disconnect", stop);
  process.send?.({ type: "ready", port: running.port });
} catch (error) {
  console.error(`[gongkai] The web server could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
