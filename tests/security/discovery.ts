/**
 * What the app exposes, read from its files (not from a list someone keeps): every route handler
 * (app/**\/route.ts and the HTTP methods it exports) and every server action (the exported
 * functions of files under app/ that start with "use server"). The authorization matrix and the
 * fuzz run compare their own rows with this, so a new route or action fails them until it is added.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function filesUnder(directory: string): string[] {
  return readdirSync(path.join(root, directory), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.posix.join(path.relative(root, entry.parentPath).split(path.sep).join("/"), entry.name))
    .sort();
}

/** A route file's URL path with its segments as written: app/(public)/files/[id]/route.ts → /files/[id]. */
export function routePathOf(file: string): string {
  const segments = path.posix
    .dirname(file)
    .split("/")
    .slice(1)
    .filter((segment) => !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

export type DiscoveredRoute = { file: string; path: string; method: string; target: string };

/** Every method handler of every route file under app/. */
export function discoverRoutes(): DiscoveredRoute[] {
  return filesUnder("app")
    .filter((file) => path.posix.basename(file) === "route.ts")
    .flatMap((file) => {
      const source = readFileSync(path.join(root, file), "utf8");
      return HTTP_METHODS.filter((method) =>
        new RegExp(`export\\s+(?:(?:async\\s+)?function\\s+${method}\\b|const\\s+${method}\\b|(?:const\\s+)?\\{[^}]*\\b${method}\\b[^}]*\\})`).test(source),
      ).map((method) => ({ file, path: routePathOf(file), method, target: `${method} ${routePathOf(file)}` }));
    });
}

export type DiscoveredAction = { file: string; name: string; target: string };

/** Every exported function of every "use server" file under app/. */
export function discoverActions(): DiscoveredAction[] {
  return filesUnder("app")
    .filter((file) => /\.tsx?$/.test(file))
    .filter((file) => /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(readFileSync(path.join(root, file), "utf8")))
    .flatMap((file) => {
      const source = readFileSync(path.join(root, file), "utf8");
      const names = [...source.matchAll(/export\s+(?:async\s+function\s+(\w+)|const\s+(\w+)\s*=)/g)].map((match) => match[1] ?? match[2]);
      return names.map((name) => ({ file, name, target: `${file}#${name}` }));
    });
}

/** The console's part: the admin API, the console's own route files and every action under app/admin. */
export const isConsoleRoute = (route: DiscoveredRoute) => route.path.startsWith("/api/v1/admin/") || route.path.startsWith("/admin/");
export const isConsoleAction = (action: DiscoveredAction) => action.file.startsWith("app/admin/");
