/**
 * Module loading as Next's server bundle does it for pages rendered on the server: a module of the
 * app that starts with "use client" (and Next's Link) is not run there — the server only refers to
 * it. Here each of its exports becomes a stand-in that refuses to render, so that a test reading
 * a page's element tree (tests/support/page-tree.ts) reads such a component's props instead of
 * running hooks that need React's client runtime. Registered by tests/support/server-rendering.ts.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const LINK_STAND_IN = "gongkai-test:next-link";

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "next/link") return { url: LINK_STAND_IN, shortCircuit: true };
  return nextResolve(specifier, context);
}

const standIn = (name) =>
  `export ${name === "default" ? "default function ClientComponent" : `function ${name}`}() { throw new Error("a client component: not rendered on the server"); }`;

export async function load(url, context, nextLoad) {
  if (url === LINK_STAND_IN) return { format: "module", source: standIn("default"), shortCircuit: true };
  if (url.startsWith("file:") && !url.includes("/node_modules/") && /\.(tsx?|jsx?)$/.test(url)) {
    const source = await readFile(fileURLToPath(url), "utf8");
    if (/^\s*["']use client["']/.test(source)) {
      const names = new Set([...source.matchAll(/^export\s+(?:async\s+)?(?:function|const|class)\s+(\w+)/gm)].map((match) => match[1]));
      if (/^export\s+default\b/m.test(source)) names.add("default");
      return { format: "module", source: [...names].map(standIn).join("\n"), shortCircuit: true };
    }
  }
  return nextLoad(url, context);
}
