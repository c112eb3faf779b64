/**
 * Rows in PostgreSQL's binary COPY format (`COPY … FROM STDIN WITH (FORMAT binary)`), for bulk
 * loads where the text format's cost shows: a row of the search index holds two arrays of ~600
 * integer keys, which in text are 7,000 digits for Node to print and PostgreSQL to parse again.
 * In binary each key is 8 bytes written as they are stored.
 *
 * The format (https://www.postgresql.org/docs/current/sql-copy.html#SQL-COPY-BINARY-FORMAT): a
 * signature and two 32-bit words, then per row a 16-bit field count and per field a 32-bit length
 * (-1 for NULL) and the value in the type's binary form (its `send` function); a 16-bit -1 ends
 * the data. All integers are big-endian. Every value must be of the column's exact type.
 */

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
/** 2000-01-01T00:00:00Z, PostgreSQL's epoch for dates and timestamps, in Unix milliseconds. */
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;
/** The type OID of int8 (bigint), written in an array's header. */
const INT8_OID = 20;
const TWO_TO_32 = 2 ** 32;

/** The start of a binary COPY stream. */
export function binaryCopyHeader(): Buffer {
  const header = Buffer.alloc(SIGNATURE.length + 8);
  SIGNATURE.copy(header);
  return header;
}

/** The end of a binary COPY stream. */
export function binaryCopyTrailer(): Buffer {
  return Buffer.from([0xff, 0xff]);
}

/**
 * Writes rows into one growing buffer; `take()` hands over what was written and starts again.
 * (Through a DataView, whose setters compile to plain stores: Buffer's write methods check their
 * arguments on every call, and a search document has 1,200 integers to write.)
 */
export class BinaryCopyWriter {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private view = new DataView(this.buffer.buffer, this.buffer.byteOffset, this.buffer.byteLength);
  private length = 0;

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
    this.view = new DataView(grown.buffer, grown.byteOffset, grown.byteLength);
  }

  private int16(value: number): void {
    this.view.setInt16(this.length, value);
    this.length += 2;
  }

  private int32(value: number): void {
    this.view.setInt32(this.length, value);
    this.length += 4;
  }

  /** A 64-bit integer from a safe JavaScript integer (two's complement when negative). */
  private int64(value: number): void {
    const high = Math.floor(value / TWO_TO_32);
    this.view.setInt32(this.length, high);
    this.view.setUint32(this.length + 4, value - high * TWO_TO_32);
    this.length += 8;
  }

  /** Starts a row of `fields` values. */
  row(fields: number): this {
    this.reserve(2);
    this.int16(fields);
    return this;
  }

  private null(): this {
    this.reserve(4);
    this.int32(-1);
    return this;
  }

  /** text / varchar: the UTF-8 bytes (written once, into room for the longest encoding; the length after). */
  text(value: string | null | undefined): this {
    if (value === null || value === undefined) return this.null();
    this.reserve(4 + 3 * value.length);
    const bytes = this.buffer.write(value, this.length + 4, "utf8");
    this.int32(bytes);
    this.length += bytes;
    return this;
  }

  /** int4 (integer). */
  int4(value: number | null | undefined): this {
    if (value === null || value === undefined) return this.null();
    this.reserve(8);
    this.int32(4);
    this.int32(value);
    return this;
  }

  /** timestamptz: microseconds since 2000-01-01 UTC. */
  timestamptz(value: Date | null | undefined): this {
    if (value === null || value === undefined) return this.null();
    this.reserve(12);
    this.int32(8);
    this.int64((value.getTime() - POSTGRES_EPOCH_MS) * 1000);
    return this;
  }

  /** date: days since 2000-01-01 (a Date is taken at its UTC day; a string is "YYYY-MM-DD"). */
  date(value: Date | string | null | undefined): this {
    if (value === null || value === undefined) return this.null();
    const day = typeof value === "string" ? Date.parse(`${value.slice(0, 10)}T00:00:00Z`) : value.getTime();
    if (!Number.isFinite(day)) throw new RangeError(`Not a date: ${String(value)}`);
    this.reserve(8);
    this.int32(4);
    this.int32(Math.floor((day - POSTGRES_EPOCH_MS) / DAY_MS));
    return this;
  }

  /** int8[] (bigint[]), one dimension, no nulls: safe JavaScript integers. */
  int8Array(values: readonly number[] | null | undefined): this {
    if (values === null || values === undefined) return this.null();
    // Header: dimensions, has-nulls flag, element type; per dimension its size and lower bound.
    const bytes = values.length ? 20 + 12 * values.length : 12;
    this.reserve(4 + bytes);
    this.int32(bytes);
    this.int32(values.length ? 1 : 0);
    this.int32(0);
    this.int32(INT8_OID);
    if (values.length) {
      this.int32(values.length);
      this.int32(1);
    }
    for (const value of values) {
      this.int32(8);
      this.int64(value);
    }
    return this;
  }

  /** The bytes written since the last take (a copy: the writer reuses its buffer). */
  take(): Buffer {
    const taken = Buffer.from(this.buffer.subarray(0, this.length));
    this.length = 0;
    return taken;
  }
}
