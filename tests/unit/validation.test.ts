import assert from "node:assert/strict";
import { test } from "node:test";
import { ValidationError } from "@/lib/errors";
import { formDataToNestedObject } from "@/lib/validation";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

test("dotted field names become nested objects and arrays", () => {
  const nested = formDataToNestedObject(
    form([
      ["table2.licensing", "3"],
      ["table4.0", "1"],
      ["table4.1", "2"],
      ["note", "x"],
    ]),
  );
  assert.deepEqual(nested, { table2: { licensing: "3" }, table4: ["1", "2"], note: "x" });
});

test("a field name that reaches a prototype is refused and pollutes nothing", () => {
  for (const name of ["__proto__.polluted", "table2.__proto__.polluted", "constructor.prototype.polluted", "a.prototype.x"]) {
    assert.throws(() => formDataToNestedObject(form([[name, "yes"]])), ValidationError, name);
    assert.equal(({} as Record<string, unknown>).polluted, undefined, name);
    assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined, name);
  }
});

test("names deeper than any form, empty segments and a value used as a branch are refused", () => {
  assert.throws(() => formDataToNestedObject(form([["a.b.c.d.e", "1"]])), ValidationError);
  assert.throws(() => formDataToNestedObject(form([["a..b", "1"]])), ValidationError);
  assert.throws(
    () =>
      formDataToNestedObject(
        form([
          ["a", "1"],
          ["a.b", "2"],
        ]),
      ),
    ValidationError,
  );
});
