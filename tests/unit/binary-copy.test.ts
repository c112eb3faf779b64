import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { BinaryCopyWriter, binaryCopyHeader, binaryCopyTrailer } from "../../lib/database/binary-copy";

/** Bytes as hex (the expectations below are written field by field). */
const hex = (buffer: Buffer) => buffer.toString("hex");

describe("binary COPY rows", () => {
  test("the stream starts with PostgreSQL's signature and no flags, and ends with -1", () => {
    assert.equal(hex(binaryCopyHeader()), "5047434f50590aff0d0a00" + "00000000" + "00000000");
    assert.equal(hex(binaryCopyTrailer()), "ffff");
  });

  test("text is length-prefixed UTF-8, integers are big-endian, and NULL is length -1", () => {
    const writer = new BinaryCopyWriter();
    writer.row(4).text("城").int4(-2).int4(null).text(undefined);
    assert.equal(hex(writer.take()), "0004" + "00000003e59f8e" + "00000004fffffffe" + "ffffffff" + "ffffffff");
    assert.equal(writer.take().length, 0, "taking empties the writer");
  });

  test("timestamps count microseconds and dates days from 2000-01-01, before it too (old regulations)", () => {
    const writer = new BinaryCopyWriter();
    writer.row(4).timestamptz(new Date("2000-01-01T00:00:01.5Z")).timestamptz(new Date("1999-12-31T23:59:59.999Z"));
    writer.date("1999-12-31").date(new Date("2026-12-06T00:00:00Z"));
    assert.equal(
      hex(writer.take()),
      "0004" + "00000008" + "000000000016e360" + "00000008" + "fffffffffffffc18" + "00000004" + "ffffffff" + "00000004" + "0000266c",
    );
    assert.throws(() => writer.date("not a date"), RangeError);
  });

  test("an int8 array carries its dimension, element type and each value as 8 bytes; an empty one has no dimension", () => {
    const writer = new BinaryCopyWriter();
    writer
      .row(2)
      .int8Array([1, 2 ** 40 + 3])
      .int8Array([]);
    assert.equal(
      hex(writer.take()),
      "0002" +
        ("0000002c" + "00000001" + "00000000" + "00000014" + "00000002" + "00000001") +
        ("00000008" + "0000000000000001" + "00000008" + "0000010000000003") +
        ("0000000c" + "00000000" + "00000000" + "00000014"),
    );
  });

  test("rows larger than the buffer grow it without losing what was written", () => {
    const writer = new BinaryCopyWriter();
    const long = "政".repeat(600_000);
    writer.row(2).text("a").text(long);
    const bytes = writer.take();
    assert.equal(bytes.length, 2 + 4 + 1 + 4 + 1_800_000);
    assert.equal(bytes.subarray(11).toString("utf8"), long);
  });
});
