/**
 * What Next's own server sets up before it loads app code, for tests that call route handlers and
 * server actions in-process. Import it before anything that imports `next/*`:
 * - `globalThis.AsyncLocalStorage` (next/dist/server/node-environment-baseline.js does the same);
 *   without it Next's request storages are stubs that throw;
 * - `next/navigation` resolved to its server build, as Next's bundler does on the server
 *   (tests/security/react-server-hooks.mjs).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { register } from "node:module";

(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
register("./react-server-hooks.mjs", import.meta.url);
