/**
 * The end-to-end server runs on a clock that starts at E2E_START (a working Wednesday in Beijing;
 * CLOCK_START_FOR_TESTS, read by lib/clock.ts), so that no test depends on the day it runs: an
 * application filed online on a Saturday would be received on Monday, after any decision "today".
 */
export const E2E_START = "2026-12-02T10:00:00+08:00";
export const e2eToday = "2026-12-02";
export const e2eYear = 2026;
