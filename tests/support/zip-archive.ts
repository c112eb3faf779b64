import zlib from "node:zlib";

/**
 * Builds zip archives for tests, including malicious ones: entries whose deflated data inflates to
 * gigabytes, and central directories that lie about the inflated size. (CRCs are not checked by
 * the readers before inflating, so they are left at 0.)
 */
export type ZipEntrySpec = {
  name: string;
  /** Deflated (raw) data, or stored bytes when `stored`. */
  data: Buffer;
  stored?: boolean;
  /** The inflated size the archive declares. */
  declaredSize: number;
};

const megabyte = 1024 * 1024;

/**
 * Raw deflate data that inflates to `megabytes` MB of zeros, built from one flushed 1 MB block
 * repeated (each full flush starts afresh), so a gigabyte costs about a megabyte here.
 */
export function deflatedZeros(megabytes: number): Buffer {
  const block = zlib.deflateRawSync(Buffer.alloc(megabyte), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  return Buffer.concat([...Array.from({ length: megabytes }, () => block), finalEmptyBlock]);
}

export function deflated(text: string): Buffer {
  return zlib.deflateRawSync(Buffer.from(text, "utf8"));
}

export function zipArchive(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const method = entry.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (mainType: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/main.xml" ContentType="${mainType}"/></Types>`;

/**
 * An Office file (docx or xlsx, by its [Content_Types].xml) whose main part inflates to
 * `megabytes` MB; `declaredMegabytes` is what its directory claims (default: the truth).
 */
export function officeBomb(kind: "docx" | "xlsx", megabytes: number, declaredMegabytes = megabytes): Buffer {
  const mainType =
    kind === "docx"
      ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
      : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
  const types = contentTypes(mainType);
  const part = kind === "docx" ? "word/document.xml" : "xl/worksheets/sheet1.xml";
  return zipArchive([
    { name: "[Content_Types].xml", data: deflated(types), declaredSize: Buffer.byteLength(types) },
    { name: part, data: deflatedZeros(megabytes), declaredSize: Math.min(0xffffffff, declaredMegabytes * megabyte) },
  ]);
}
