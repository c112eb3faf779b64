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

/** Writes rows into one growing buffer; `take()` hands over what was written and starts again. */
export class BinaryCopyWriter {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private length = 0;

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  /** Starts a row of `fields` values. */
  row(fields: number): this {
    this.reserve(2);
    this.length = this.buffer.writeInt16BE(fields, this.length);
    return this;
  }

  private null(): this {
    this.reserve(4);
    this.length = this.buffer.writeInt32BE(-1, this.length);
    return this;
  }

  /** A 64-bit integer from a safe JavaScript integer (two's complement when negative). */
  private int64(value: number): void {
    const high = Math.floor(value / TWO_TO_32);
    this.length = this.buffer.writeInt32BE(high, this.length);
    this.length = this.buffer.writeUInt32BE(value - high * TWO_TO_32, this.length);
  }

  /** text / varchar: the UTF-8 bytes. */
  text(value: string | null | undefined): this {
    if (value === null || value === undefined) return this.null();
    const bytes = Buffer.byteLength(value);
    this.reserve(4 + bytes);
    this.length = this.buffer.writeInt32BE(bytes, this.length);
    this.length += this.buffer.write(value, this.length);
    return this;
  }

  /** int4 (integer). */
  int4(value: number | null | undefined): this {
    if (value === null || value === undefined) return this.null();
    this.reserve(8);
    this.length = this.buffer.writeInt32BE(4, this.length);
    this.length = this.buffer.writeInt32BE(value, this.length);
    return this;
  }

  /** timestamptz: microseconds since 2000-01-01 UTC. */
  timestamptz(value: Date | null | undefined): this {
    if (value === null || value === undefined) return this.null();
    this.reserve(12);
    this.length = this.buffer.writeInt32BE(8, this.length);
    this.int64((value.getTime() - POSTGRES_EPOCH_MS) * 1000);
    return this;
  }

  /** date: days since 2000-01-01 (a Date is taken at its UTC day; a string is "YYYY-MM-DD"). */
  date(value: Date | string | null | undefined): this {
    if (value === null || value === undefined) return this.null();
    const day = typeof value === "string" ? Date.parse(`${value.slice(0, 10)}T00:00:00Z`) : value.getTime();
    if (!Number.isFinite(day)) throw new RangeError(`Not a date: ${String(value)}`);
    this.reserve(8);
    this.length = this.buffer.writeInt32BE(4, this.length);
    this.length = this.buffer.writeInt32BE(Math.floor((day - POSTGRES_EPOCH_MS) / DAY_MS), this.length);
    return this;
  }

  /** int8[] (bigint[]), one dimension, no nulls: safe JavaScript integers. */
  int8Array(values: readonly number[] | null | undefined): this {
    if (values === null || values === undefined) return this.null();
    // Header: dimensions, has-nulls flag, element type; per dimension its size and lower bound.
    const bytes = values.length ? 20 + 12 * values.length : 12;
    this.reserve(4 + bytes);
    let at = this.buffer.writeInt32BE(bytes, this.length);
    at = this.buffer.writeInt32BE(values.length ? 1 : 0, at);
    at = this.buffer.writeInt32BE(0, at);
    at = this.buffer.writeInt32BE(INT8_OID, at);
    if (values.length) {
      at = this.buffer.writeInt32BE(values.length, at);
      at = this.buffer.writeInt32BE(1, at);
    }
    this.length = at;
    for (const value of values) {
      this.length = this.buffer.writeInt32BE(8, this.length);
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
