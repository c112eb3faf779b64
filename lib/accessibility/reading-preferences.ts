/**
 * The visitor's reading preferences (the 适老化/无障碍 toolbar): kept in this browser's
 * localStorage, applied as data attributes on <html> that app/globals.css styles. The same rules
 * run before the first paint (the inline script of app/layout.tsx) and when the toolbar changes a
 * setting, so a remembered large type never flashes small.
 */
export const FONT_SIZES = ["standard", "large", "larger"] as const;
export type FontSize = (typeof FONT_SIZES)[number];

export type ReadingPreferences = {
  fontSize: FontSize;
  highContrast: boolean;
  largeCursor: boolean;
  lineSpacing: boolean;
  readingGuide: boolean;
};

export const DEFAULT_PREFERENCES: ReadingPreferences = {
  fontSize: "standard",
  highContrast: false,
  largeCursor: false,
  lineSpacing: false,
  readingGuide: false,
};

export const PREFERENCES_STORAGE_KEY = "gongkai-reading-preferences";

/** Whatever the storage holds (an older version, a hand edit), only known values are taken. */
export function parsePreferences(raw: string | null): ReadingPreferences {
  let value: unknown;
  try {
    value = raw ? JSON.parse(raw) : {};
  } catch {
    value = {};
  }
  const stored = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const flag = (key: keyof ReadingPreferences) => stored[key] === true;
  return {
    fontSize: FONT_SIZES.includes(stored.fontSize as FontSize) ? (stored.fontSize as FontSize) : "standard",
    highContrast: flag("highContrast"),
    largeCursor: flag("largeCursor"),
    lineSpacing: flag("lineSpacing"),
    readingGuide: flag("readingGuide"),
  };
}

/** The attributes on <html> for a set of preferences; a default setting sets none. */
export function preferenceAttributes(preferences: ReadingPreferences): Record<string, string | undefined> {
  return {
    "data-font-size": preferences.fontSize === "standard" ? undefined : preferences.fontSize,
    "data-high-contrast": preferences.highContrast ? "" : undefined,
    "data-large-cursor": preferences.largeCursor ? "" : undefined,
    "data-line-spacing": preferences.lineSpacing ? "" : undefined,
  };
}

/**
 * The script that applies the stored preferences before the page paints. Self-contained (it runs
 * before any bundle): it repeats parsePreferences's checks in plain JavaScript; a unit test runs it
 * against the same inputs.
 */
export const applyStoredPreferencesScript = `(function(){try{var s=JSON.parse(localStorage.getItem(${JSON.stringify(PREFERENCES_STORAGE_KEY)})||"{}")||{};var d=document.documentElement;if(s.fontSize==="large"||s.fontSize==="larger")d.setAttribute("data-font-size",s.fontSize);if(s.highContrast===true)d.setAttribute("data-high-contrast","");if(s.largeCursor===true)d.setAttribute("data-large-cursor","");if(s.lineSpacing===true)d.setAttribute("data-line-spacing","");}catch(e){}})();`;
