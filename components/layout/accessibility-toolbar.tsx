"use client";

import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from "react";
import {
  DEFAULT_PREFERENCES,
  FONT_SIZES,
  PREFERENCES_STORAGE_KEY,
  parsePreferences,
  preferenceAttributes,
  type ReadingPreferences,
} from "@/lib/accessibility/reading-preferences";
import { messages } from "@/lib/i18n";

const m = messages.accessibility;

function applyToDocument(preferences: ReadingPreferences) {
  const root = document.documentElement;
  for (const [name, value] of Object.entries(preferenceAttributes(preferences))) {
    if (value === undefined) root.removeAttribute(name);
    else root.setAttribute(name, value);
  }
}

/**
 * The stored preferences as an external store: the server (and the first render in the browser)
 * sees none; after hydration React reads this browser's, and changes made here, or in another tab,
 * re-render the toolbar.
 */
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function storedRaw(): string | null {
  try {
    return window.localStorage.getItem(PREFERENCES_STORAGE_KEY);
  } catch {
    return null;
  }
}

function store(preferences: ReadingPreferences) {
  try {
    window.localStorage.setItem(PREFERENCES_STORAGE_KEY, JSON.stringify(preferences));
  } catch {
    // Storage refused (private mode): the setting holds for this page only.
  }
  for (const listener of listeners) listener();
}

const noSubscription = () => () => {};

/** A line across the page under the pointer, for following a row of text; invisible to screen readers. */
function ReadingGuide() {
  const line = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const follow = (event: PointerEvent) => {
      if (line.current) line.current.style.transform = `translateY(${event.clientY}px)`;
    };
    window.addEventListener("pointermove", follow, { passive: true });
    return () => window.removeEventListener("pointermove", follow);
  }, []);
  return <div ref={line} aria-hidden="true" className="reading-guide" data-testid="reading-guide" />;
}

/** The text to read aloud: what the visitor selected, else the page's main content. */
function textToRead(): string {
  const selected = window.getSelection()?.toString().trim();
  if (selected) return selected;
  return document.getElementById("main")?.innerText.trim() ?? "";
}

const toggleClass =
  "rounded border border-gray-500 bg-white px-2 py-1 text-sm text-gray-900 hover:bg-gray-100 aria-pressed:border-red-800 aria-pressed:bg-red-800 aria-pressed:text-white";

/**
 * The 适老化/无障碍 toolbar: three type sizes, high contrast, a large cursor, wider line spacing, a
 * reading guide and reading aloud (the browser's own speech, no third-party script). Settings are
 * remembered in this browser. Every control is a native button with its state in aria-pressed, so
 * screen readers announce it.
 */
export function AccessibilityToolbar() {
  const [open, setOpen] = useState(false);
  // The inline script of app/layout.tsx has applied the stored settings to <html> before the first
  // paint; this reads them for the toolbar's own buttons.
  const raw = useSyncExternalStore(subscribe, storedRaw, () => null);
  const [unsaved, setUnsaved] = useState<ReadingPreferences | null>(null);
  const preferences = useMemo(() => unsaved ?? parsePreferences(raw), [unsaved, raw]);
  const speechAvailable = useSyncExternalStore(
    noSubscription,
    () => typeof window.speechSynthesis !== "undefined",
    () => false,
  );
  const [speaking, setSpeaking] = useState(false);
  const panelId = useId();

  const update = (change: Partial<ReadingPreferences>) => {
    const next = { ...preferences, ...change };
    applyToDocument(next);
    // Kept in state as well, for a browser that refuses storage.
    setUnsaved(next);
    store(next);
  };

  const readAloud = () => {
    const synthesis = window.speechSynthesis;
    synthesis.cancel();
    if (speaking) {
      setSpeaking(false);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(textToRead());
    utterance.lang = "zh-CN";
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    synthesis.speak(utterance);
  };

  const flags: [keyof Omit<ReadingPreferences, "fontSize">, string][] = [
    ["highContrast", m.highContrast],
    ["largeCursor", m.largeCursor],
    ["lineSpacing", m.lineSpacing],
    ["readingGuide", m.readingGuide],
  ];

  return (
    <div className="no-print border-b border-gray-300 bg-gray-50 text-sm">
      <div className="mx-auto flex max-w-6xl justify-end px-4 py-1">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
          className="rounded px-2 py-1 text-gray-900 underline-offset-2 hover:underline"
        >
          {open ? m.close : m.open}
        </button>
      </div>
      <div id={panelId} role="region" aria-label={m.toolbar} hidden={!open} className="mx-auto max-w-6xl px-4 pb-3">
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
          <div role="group" aria-label={m.fontSize} className="flex items-center gap-1">
            <span aria-hidden="true" className="mr-1 text-gray-800">
              {m.fontSize}
            </span>
            {FONT_SIZES.map((size) => (
              <button key={size} type="button" aria-pressed={preferences.fontSize === size} onClick={() => update({ fontSize: size })} className={toggleClass}>
                {m.fontSizes[size]}
              </button>
            ))}
          </div>
          <div className="flex flex-wrap items-center gap-1">
            {flags.map(([key, label]) => (
              <button key={key} type="button" aria-pressed={preferences[key]} onClick={() => update({ [key]: !preferences[key] })} className={toggleClass}>
                {label}
              </button>
            ))}
            {speechAvailable ? (
              <button type="button" aria-pressed={speaking} onClick={readAloud} title={m.readAloudHint} className={toggleClass}>
                {speaking ? m.stopReading : m.readAloud}
              </button>
            ) : null}
            <button type="button" onClick={() => update(DEFAULT_PREFERENCES)} className="ml-2 px-2 py-1 text-gray-900 underline">
              {m.reset}
            </button>
          </div>
        </div>
        <p className="mt-2 text-xs text-gray-700">{m.remembered}</p>
      </div>
      {preferences.readingGuide ? <ReadingGuide /> : null}
    </div>
  );
}
