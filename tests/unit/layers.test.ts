import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";

/**
 * app/ holds routes only and components/ presentational React: both reach the database through
 * lib/'s data-layer functions (which take the acting user and check permission), never through
 * the Prisma client, and the product never runs the seed. (Prisma's generated enums are types and
 * may be imported.)
 */
function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const importsOf = (source: string) => [...source.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((match) => match[1]);

test("pages, route handlers and components do not query the database or import the seed", () => {
  const breaks = ["app", "components"].flatMap(sourceFiles).flatMap((file) =>
    importsOf(readFileSync(file, "utf8"))
      .filter((specifier) => /^@\/lib\/db$|^@\/lib\/generated\/prisma\/(client|internal)|(^|\/)prisma\/seed(\/|$)|^pg$|^@prisma\/client/.test(specifier))
      .map((specifier) => `${file} imports ${specifier}`),
  );
  assert.deepEqual(breaks, []);
});
