/**
 * Import first (before any route module) to load tests/support/token-only-session.ts wherever
 * the code imports lib/auth/session.ts: a module-resolution hook of this process.
 */
import { register } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const replacement = pathToFileURL(path.join(process.cwd(), "tests", "support", "token-only-session.ts")).href;
const hooks = `
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  return resolved.url.endsWith("/lib/auth/session.ts") ? { ...resolved, url: ${JSON.stringify(replacement)} } : resolved;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
