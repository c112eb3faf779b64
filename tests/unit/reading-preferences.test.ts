import assert from "node:assert/strict";
import { test } from "node:test";
import vm from "node:vm";
import { applyStoredPreferencesScript, parsePreferences, preferenceAttributes, PREFERENCES_STORAGE_KEY } from "@/lib/accessibility/reading-preferences";

/** What the inline script of app/layout.tsx puts on <html> for a stored value. */
function attributesSetByScript(stored: string | null): Record<string, string> {
  const set: Record<string, string> = {};
  vm.runInNewContext(applyStoredPreferencesScript, {
    localStorage: { getItem: (key: string) => (key === PREFERENCES_STORAGE_KEY ? stored : null) },
    document: { documentElement: { setAttribute: (name: string, value: string) => (set[name] = value) } },
  });
  return set;
}

function attributesOf(stored: string | null): Record<string, string> {
  return Object.fromEntries(Object.entries(preferenceAttributes(parsePreferences(stored))).filter(([, value]) => value !== undefined)) as Record<
    string,
    string
  >;
}

const stored = [
  null,
  "",
  "not json",
  "null",
  "[]",
  JSON.stringify({ fontSize: "larger", highContrast: true }),
  JSON.stringify({ fontSize: "large", largeCursor: true, lineSpacing: true, readingGuide: true }),
  JSON.stringify({ fontSize: "huge", highContrast: "yes", lineSpacing: 1 }),
  JSON.stringify({ fontSize: "standard", highContrast: false }),
];

test("the script run before the first paint applies exactly what the toolbar would, whatever the storage holds", () => {
  for (const value of stored) assert.deepEqual(attributesSetByScript(value), attributesOf(value), `stored: ${value}`);
});

test("only known values are taken: an unknown size is the standard one, a flag must be true", () => {
  assert.deepEqual(parsePreferences(JSON.stringify({ fontSize: "huge", highContrast: "yes" })), {
    fontSize: "standard",
    highContrast: false,
    largeCursor: false,
    lineSpacing: false,
    readingGuide: false,
  });
  assert.deepEqual(attributesOf(JSON.stringify({ fontSize: "larger", highContrast: true })), { "data-font-size": "larger", "data-high-contrast": "" });
});

test("a storage that throws (blocked in private mode) leaves the page as it is", () => {
  const set: string[] = [];
  vm.runInNewContext(applyStoredPreferencesScript, {
    localStorage: {
      getItem: () => {
        throw new Error("SecurityError");
      },
    },
    document: { documentElement: { setAttribute: (name: string) => set.push(name) } },
  });
  assert.deepEqual(set, []);
});
