import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

/*
 * The layers (docs/architecture.md): app/ holds routes, components/ presentational React, lib/ the
 * data layer. Pages, route handlers and components reach the database only through lib/'s data-layer
 * functions (which take the acting user and check permission); lib/ knows nothing of React or of
 * Next's UI. tests/unit/layers.test.ts checks the first rule as well.
 */

// app/ and components/: no Prisma client, no database pool, no seed. Prisma's generated enums are
// plain values and types and may be imported (the admin forms use them).
const databaseImports = [
  {
    regex: "(^|/)lib/db$",
    message: "The database is reached through lib/'s data-layer functions (they take the acting user and check permission).",
  },
  {
    regex: "(^|/)lib/generated/(?!prisma/enums$)",
    message: "Only the generated enums (@/lib/generated/prisma/enums) may be imported outside lib/; query through lib/'s data-layer functions.",
  },
  { regex: "(^|/)prisma/seed(/|$)", message: "The product never runs the seed." },
  { regex: "^(pg|@prisma/client)(/|$)", message: "The database is reached through lib/'s data-layer functions." },
];

// lib/: no React, no Next UI. Each exception below is named with the reason it is needed.
const uiImports = {
  react: "lib/ is the data layer: React belongs in components/ and app/.",
  "react-dom": "lib/ is the data layer: React belongs in components/ and app/.",
  next: "lib/ is the data layer: Next belongs in app/ (allowed exceptions are listed in eslint.config.mjs).",
};
function uiRestriction(allowed = []) {
  const patterns = [];
  if (!allowed.includes("react")) patterns.push({ regex: "^react(/|$)", message: uiImports.react });
  if (!allowed.includes("react-dom")) patterns.push({ regex: "^react-dom(/|$)", message: uiImports["react-dom"] });
  // next/server is allowed everywhere in lib/: its Request/Response types are what the API helpers take and return.
  const nextAllowed = ["server", ...allowed.filter((name) => name.startsWith("next/")).map((name) => name.slice("next/".length))];
  const escaped = nextAllowed.map((name) => name.replace(/[/.]/g, (c) => `\\${c}`)).join("|");
  patterns.push({ regex: `^next(/(?!(${escaped})$).*)?$`, message: uiImports.next });
  return ["error", { patterns }];
}
const libExceptions = [
  // The session is read from the request's cookies and headers, memoised once per request with React's cache().
  { files: ["lib/auth/session.ts"], allowed: ["react", "next/headers"] },
  // Auth.js reads the client address from the request headers to throttle sign-in attempts.
  { files: ["lib/auth/next-auth.ts"], allowed: ["next/headers"] },
  // The page guard is the one place that turns "no session" / "no permission" into Next's redirect / 403.
  { files: ["lib/auth/page-guard.ts"], allowed: ["next/navigation"] },
  // Public pages' data is cached in Next's data cache, tagged so that publishing invalidates it.
  { files: ["lib/public-content/cached.ts"], allowed: ["next/cache"] },
  // The form runtime must let Next's redirect() through (it is thrown as an error) instead of reporting it.
  { files: ["lib/forms/run-form-action.ts"], allowed: ["next/dist/client/components/redirect-error"] },
];

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  prettier,
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "node_modules/**",
    "lib/generated/**",
    ".tmp/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "bench/results*",
  ]),
  {
    rules: {
      // A leading underscore marks what is deliberately unused: a server action's previous form state, a field left out by
      // destructuring ({ id: _id, ...rest }), a parameter an interface requires.
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "import/order": [
        "error",
        {
          groups: ["builtin", "external", "internal", ["parent", "sibling", "index"]],
          pathGroups: [{ pattern: "@/**", group: "internal" }],
          pathGroupsExcludedImportTypes: ["builtin"],
          "newlines-between": "never",
          alphabetize: { order: "asc", caseInsensitive: true },
        },
      ],
    },
  },
  {
    // No React here: functions named use… (useDatabaseUrl, useMigratedTestDatabase) are not hooks.
    files: ["scripts/**", "tests/**", "prisma/**", "bench/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["app/**", "components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: databaseImports }] },
  },
  {
    files: ["lib/**"],
    rules: { "no-restricted-imports": uiRestriction() },
  },
  ...libExceptions.map(({ files, allowed }) => ({ files, rules: { "no-restricted-imports": uiRestriction(allowed) } })),
]);
