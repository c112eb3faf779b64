import assert from "node:assert/strict";
import { test } from "node:test";
import { formatDate, formatDateTime } from "@/lib/format";

test("dates and times are written YYYY-MM-DD (HH:mm), Beijing time, never 2017/09/04", () => {
  const instant = new Date("2017-09-04T01:05:00Z");
  assert.equal(formatDate(instant), "2017-09-04");
  assert.equal(formatDateTime(instant), "2017-09-04 09:05");
  // 23:30 UTC on 3 September is already the 4th in Beijing; midnight is 00, not 24.
  assert.equal(formatDateTime(new Date("2017-09-03T16:00:00Z")), "2017-09-04 00:00");
  assert.equal(formatDate(new Date("2017-09-03T16:00:00Z")), "2017-09-04");
});
