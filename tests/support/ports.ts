/**
 * Ports for the servers the tests start (web servers, embedded databases). Picked below the kernel's
 * ephemeral range (32768–60999 on Linux), where outgoing connections take their local ports: a random
 * port up there can be in use by any client socket of a test running alongside (CI once failed with
 * EADDRINUSE on 33222). Each pick is checked by binding it once, and a taken port is skipped.
 */
import net from "node:net";

const LOWEST = 20_000;
const HIGHEST = 32_700;

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    // The unspecified address: a server on any address (0.0.0.0 or 127.0.0.1) holding the port fails it.
    server.listen({ port, host: "0.0.0.0", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port no one listens on now, outside the ephemeral range, random so that parallel runs rarely pick the same. */
export async function unusedPort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = LOWEST + Math.floor(Math.random() * (HIGHEST - LOWEST));
    if (await bindable(port)) return port;
  }
  throw new Error(`No free port found between ${LOWEST} and ${HIGHEST}.`);
}
