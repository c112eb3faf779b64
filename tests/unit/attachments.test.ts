import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test, after } from "node:test";
import { contentDispositionFor } from "../../lib/attachments/content-disposition";
import { extractAttachmentText, maximumExtractedTextLength } from "../../lib/attachments/extract-text";
import { detectAttachmentType } from "../../lib/attachments/file-types";
import { sanitizeOriginalName } from "../../lib/attachments/original-name";
import { storeAttachmentFile } from "../../lib/attachments/store-file";
import { maxAttachmentBytes } from "../../lib/attachments/upload-limits";
import { NotFoundError, ValidationError } from "../../lib/errors";
import { createLocalDirectoryStore } from "../../lib/storage/local-directory-store";
import {
  buildChinesePdf,
  buildCompoundFile,
  buildDocx,
  buildExecutableHeader,
  buildGif,
  buildHtml,
  buildJpegHeader,
  buildPdf,
  buildPng,
  buildWebpHeader,
  buildXlsx,
  buildZip,
} from "../fixtures/attachment-files";

const temporaryFolders: string[] = [];
after(async () => {
  await Promise.all(temporaryFolders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function makeDataDir(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "gongkai-attachments-"));
  temporaryFolders.push(folder);
  return folder;
}

function withMaximumMegabytes<T>(value: string | undefined, run: () => Promise<T>): Promise<T> {
  const previous = process.env.ATTACHMENT_MAX_MB;
  if (value === undefined) delete process.env.ATTACHMENT_MAX_MB;
  else process.env.ATTACHMENT_MAX_MB = value;
  return run().finally(() => {
    if (previous === undefined) delete process.env.ATTACHMENT_MAX_MB;
    else process.env.ATTACHMENT_MAX_MB = previous;
  });
}

function isFileValidationError(messagePart: string) {
  return (error: unknown) => {
    assert.ok(error instanceof ValidationError, `expected ValidationError, got ${String(error)}`);
    assert.match(error.fields.file?.[0] ?? "", new RegExp(messagePart));
    return true;
  };
}

// --- type detection ---

test("allowed types are recognised from their content", async () => {
  const cases: [Uint8Array, string, string, string][] = [
    [buildPdf("hello"), "报告.pdf", "pdf", "application/pdf"],
    [await buildDocx(["正文"]), "通知.docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    [await buildXlsx(), "统计表.xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    [buildPng(), "照片.png", "image", "image/png"],
    [buildJpegHeader(), "照片.jpeg", "image", "image/jpeg"],
    [buildGif(), "动图.gif", "image", "image/gif"],
    [buildWebpHeader(), "图.webp", "image", "image/webp"],
  ];
  for (const [bytes, name, kind, mimeType] of cases) {
    const detected = await detectAttachmentType(bytes, name);
    assert.equal(detected?.kind, kind, name);
    assert.equal(detected?.mimeType, mimeType, name);
  }
  assert.equal((await detectAttachmentType(buildJpegHeader(), "a.jpeg"))?.extension, "jpg");
});

test("docx and xlsx are told apart by their content, whatever the name says", async () => {
  for (const layout of [{}, { contentTypesLast: true }, { streamed: true }]) {
    const docx = await buildDocx(["正文"], layout);
    const xlsx = await buildXlsx(layout);
    assert.equal((await detectAttachmentType(docx, "表格.xlsx"))?.kind, "docx", JSON.stringify(layout));
    assert.equal((await detectAttachmentType(xlsx, "文档.docx"))?.kind, "xlsx", JSON.stringify(layout));
    assert.equal((await detectAttachmentType(docx, "文档.docx"))?.extension, "docx");
  }
});

test("the type comes from the content: a real PDF named .docx is a PDF", async () => {
  const detected = await detectAttachmentType(buildPdf("hello"), "伪装.docx");
  assert.deepEqual(detected, { kind: "pdf", mimeType: "application/pdf", extension: "pdf" });
});

test("disguised and disallowed files are refused", async () => {
  assert.equal(await detectAttachmentType(buildHtml(), "公告.pdf"), null);
  assert.equal(await detectAttachmentType(buildHtml(), "公告.docx"), null);
  assert.equal(await detectAttachmentType(buildExecutableHeader(), "报告.pdf"), null);
  assert.equal(await detectAttachmentType(new TextEncoder().encode("just some text"), "说明.txt"), null);
  assert.equal(await detectAttachmentType(await buildZip({ "a.txt": "hello" }), "打包.docx"), null);
  assert.equal(await detectAttachmentType(new Uint8Array([1, 2, 3]), "x.png"), null);
  assert.equal(await detectAttachmentType(new Uint8Array(0), "empty.pdf"), null);
});

test("OLE2 files are accepted only as the .doc or .xls their name and streams agree on", async () => {
  const wordDocument = buildCompoundFile(["WordDocument", "1Table"]);
  const workbook = buildCompoundFile(["Workbook"]);
  const presentation = buildCompoundFile(["PowerPoint Document"]);

  assert.deepEqual(await detectAttachmentType(wordDocument, "旧通知.DOC"), {
    kind: "doc",
    mimeType: "application/msword",
    extension: "doc",
  });
  assert.deepEqual(await detectAttachmentType(workbook, "旧表.xls"), {
    kind: "xls",
    mimeType: "application/vnd.ms-excel",
    extension: "xls",
  });
  assert.equal((await detectAttachmentType(buildCompoundFile(["Book"]), "excel95.xls"))?.kind, "xls");

  assert.equal(await detectAttachmentType(wordDocument, "旧通知.pdf"), null, "OLE2 with another extension");
  assert.equal(await detectAttachmentType(wordDocument, "旧通知"), null, "OLE2 without extension");
  assert.equal(await detectAttachmentType(wordDocument, "旧表.xls"), null, "a Word file named .xls");
  assert.equal(await detectAttachmentType(presentation, "幻灯片.doc"), null, "a PowerPoint file named .doc");
});

// --- upload limits ---

test("the size limit defaults to 20 MB and rejects bad configuration", () => {
  assert.equal(maxAttachmentBytes({}), 20 * 1024 * 1024);
  assert.equal(maxAttachmentBytes({ ATTACHMENT_MAX_MB: "" }), 20 * 1024 * 1024);
  assert.equal(maxAttachmentBytes({ ATTACHMENT_MAX_MB: " 50 " }), 50 * 1024 * 1024);
  for (const invalid of ["0", "-5", "abc", "1.5", "5000"]) {
    assert.throws(() => maxAttachmentBytes({ ATTACHMENT_MAX_MB: invalid }), /ATTACHMENT_MAX_MB/, invalid);
  }
});

test("storing refuses empty, oversized and disallowed files with field errors", async () => {
  const dataDir = await makeDataDir();
  await assert.rejects(
    storeAttachmentFile({ store: createLocalDirectoryStore(dataDir), bytes: new Uint8Array(0), originalName: "空.pdf" }),
    isFileValidationError("空"),
  );
  await withMaximumMegabytes("1", async () => {
    const exactlyAtLimit = new Uint8Array(1024 * 1024);
    exactlyAtLimit.set(buildPng());
    const stored = await storeAttachmentFile({ store: createLocalDirectoryStore(dataDir), bytes: exactlyAtLimit, originalName: "大图.png" });
    assert.equal(stored.sizeBytes, 1024 * 1024);

    const overLimit = new Uint8Array(1024 * 1024 + 1);
    overLimit.set(buildPng());
    await assert.rejects(
      storeAttachmentFile({ store: createLocalDirectoryStore(dataDir), bytes: overLimit, originalName: "太大.png" }),
      isFileValidationError("不能超过 1 MB"),
    );
  });
  await assert.rejects(
    storeAttachmentFile({ store: createLocalDirectoryStore(dataDir), bytes: buildHtml(), originalName: "公告.pdf" }),
    isFileValidationError("只能上传 PDF、Word、Excel 或图片"),
  );
  // Refused files leave nothing behind.
  const uploads = path.join(dataDir, "uploads");
  const storedFiles = (await readdir(uploads, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  assert.equal(storedFiles.length, 1);
});

// --- storing and reading ---

test("a stored file lands under uploads/yyyy/mm with a random name and the detected extension", async () => {
  const dataDir = await makeDataDir();
  const bytes = buildPdf("stored");
  const stored = await storeAttachmentFile({
    store: createLocalDirectoryStore(dataDir),
    bytes,
    originalName: "C:\\Users\\科员\\..\\..\\2017年\u0000报告\u202e.exe.pdf",
    now: new Date(2026, 10, 3),
  });

  assert.match(stored.storagePath, /^uploads\/2026\/11\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.pdf$/);
  assert.ok(!stored.storagePath.includes("报告") && !stored.storagePath.includes(".."));
  assert.equal(stored.originalName, "2017年报告.exe.pdf");
  assert.equal(stored.kind, "pdf");
  assert.equal(stored.mimeType, "application/pdf");
  assert.equal(stored.sizeBytes, bytes.byteLength);
  assert.equal(stored.sha256, createHash("sha256").update(bytes).digest("hex"));

  const onDisk = path.join(dataDir, ...stored.storagePath.split("/"));
  assert.deepEqual(new Uint8Array(await readFile(onDisk)), bytes);
  assert.deepEqual(await readdir(path.dirname(onDisk)), [path.basename(onDisk)], "no temporary file is left");
  assert.deepEqual(new Uint8Array(await createLocalDirectoryStore(dataDir).read(stored.storagePath)), bytes);
  assert.equal(createLocalDirectoryStore(dataDir).pathOf(stored.storagePath), onDisk);

  const second = await storeAttachmentFile({ store: createLocalDirectoryStore(dataDir), bytes, originalName: "同名.pdf", now: new Date(2026, 10, 3) });
  assert.notEqual(second.storagePath, stored.storagePath);
});

test("the extension on disk follows the content, not the uploaded name", async () => {
  const dataDir = await makeDataDir();
  const stored = await storeAttachmentFile({ store: createLocalDirectoryStore(dataDir), bytes: await buildXlsx(), originalName: "统计.docx" });
  assert.match(stored.storagePath, /\.xlsx$/);
  assert.equal(stored.kind, "xlsx");
  assert.equal(stored.originalName, "统计.docx");
});

test("reading refuses paths that leave the uploads folder", async () => {
  const dataDir = await makeDataDir();
  await writeFile(path.join(dataDir, "secrets.json"), "{}");
  const escapes = [
    "../secrets.json",
    "secrets.json",
    "uploads/../secrets.json",
    "uploads/2026/../../secrets.json",
    "uploads/../../etc/passwd",
    "/etc/passwd",
    "uploads",
    "uploads/..\\secrets.json",
    "uploads/2026/11/a.pdf\u0000.png",
  ];
  for (const storagePath of escapes) {
    await assert.rejects(createLocalDirectoryStore(dataDir).read(storagePath), /outside uploads/, storagePath);
    await assert.rejects(createLocalDirectoryStore(dataDir).remove(storagePath), /outside uploads/, storagePath);
  }
  await assert.rejects(createLocalDirectoryStore(dataDir).read("uploads/2026/11/missing.pdf"), NotFoundError);
});

test("removing a stored file deletes it, and removing it again is harmless", async () => {
  const dataDir = await makeDataDir();
  const stored = await storeAttachmentFile({ store: createLocalDirectoryStore(dataDir), bytes: buildPng(), originalName: "a.png" });
  await createLocalDirectoryStore(dataDir).remove(stored.storagePath);
  await assert.rejects(createLocalDirectoryStore(dataDir).read(stored.storagePath), NotFoundError);
  await createLocalDirectoryStore(dataDir).remove(stored.storagePath);
});

test("original names keep Chinese and lose directories and control characters", () => {
  assert.equal(sanitizeOriginalName("2017年政府信息公开工作年度报告.pdf"), "2017年政府信息公开工作年度报告.pdf");
  assert.equal(sanitizeOriginalName("/home/user/docs/通知.docx"), "通知.docx");
  assert.equal(sanitizeOriginalName("a\r\nb\t.pdf"), "ab.pdf");
  assert.equal(sanitizeOriginalName(".."), "附件");
  assert.equal(sanitizeOriginalName("   "), "附件");
  const long = `${"长".repeat(400)}.pdf`;
  const truncated = sanitizeOriginalName(long);
  assert.equal([...truncated].length, 255);
  assert.ok(truncated.endsWith(".pdf"));
});

// --- text extraction ---

test("text is extracted from a PDF", async () => {
  const text = await extractAttachmentText(buildPdf("Annual report, contact 13800138000"), "pdf");
  assert.match(text, /Annual report, contact 13800138000/);
});

test("Chinese text is extracted from a PDF with a ToUnicode map", async () => {
  const text = await extractAttachmentText(buildChinesePdf("申请人身份证号码公开"), "pdf");
  assert.match(text, /申请人身份证号码公开/);
});

test("extracting a PDF leaves the caller's bytes usable", async () => {
  const bytes = buildPdf("still here");
  const length = bytes.byteLength;
  await extractAttachmentText(bytes, "pdf");
  assert.equal(bytes.byteLength, length);
  assert.equal((await detectAttachmentType(bytes, "a.pdf"))?.kind, "pdf");
});

test("a PDF read back from disk (a Node Buffer) is extracted too", async () => {
  const dataDir = await makeDataDir();
  const stored = await storeAttachmentFile({ store: createLocalDirectoryStore(dataDir), bytes: buildPdf("read back from disk"), originalName: "a.pdf" });
  const fromDisk = await createLocalDirectoryStore(dataDir).read(stored.storagePath);
  assert.match(await extractAttachmentText(fromDisk, "pdf"), /read back from disk/);
  assert.equal(fromDisk.byteLength, stored.sizeBytes, "the Buffer is not detached");
});

test("text is extracted from a docx, Chinese included", async () => {
  const bytes = await buildDocx(["关于2017年政府信息公开工作的通知", "联系电话：13800138000"]);
  const text = await extractAttachmentText(bytes, "docx");
  assert.match(text, /关于2017年政府信息公开工作的通知/);
  assert.match(text, /联系电话：13800138000/);
});

test("corrupt files and kinds without a text layer give an empty string", async () => {
  const garbage = new TextEncoder().encode("%PDF-1.7 this is not really a PDF at all");
  assert.equal(await extractAttachmentText(garbage, "pdf"), "");
  assert.equal(await extractAttachmentText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "docx"), "");
  assert.equal(await extractAttachmentText(buildHtml(), "docx"), "");
  assert.equal(await extractAttachmentText(buildPng(), "image"), "");
  assert.equal(await extractAttachmentText(await buildXlsx(), "xlsx"), "");
  assert.equal(await extractAttachmentText(buildCompoundFile(["WordDocument"]), "doc"), "");
});

test("extracted text is capped", async () => {
  const paragraph = "政府信息公开".repeat(1000);
  const bytes = await buildDocx(Array.from({ length: 50 }, () => paragraph));
  const text = await extractAttachmentText(bytes, "docx");
  assert.equal(text.length, maximumExtractedTextLength);
});

// --- downloads ---

test("Content-Disposition keeps a Chinese file name with an ASCII fallback", () => {
  const name = "2017年政府信息公开工作年度报告.pdf";
  const header = contentDispositionFor(name);
  assert.equal(
    header,
    `attachment; filename="2017_.pdf"; filename*=UTF-8''2017%E5%B9%B4%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80%E5%B7%A5%E4%BD%9C%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.pdf`,
  );
  const encoded = header.split("filename*=UTF-8''")[1];
  assert.equal(decodeURIComponent(encoded), name);
  assert.match(header, /^[\x20-\x7E]+$/, "header value is plain ASCII");
});

test("Content-Disposition cannot be broken by quotes, line breaks or RFC 5987 specials", () => {
  const header = contentDispositionFor("evil\"\r\nSet-Cookie: x=1; (copy)*'.pdf");
  assert.ok(!/[\r\n]/.test(header));
  const fallback = /filename="([^"]*)"/.exec(header)?.[1];
  assert.equal(fallback, "evil_Set-Cookie: x=1; (copy)*'.pdf");
  const encoded = header.split("filename*=UTF-8''")[1];
  assert.match(encoded, /^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
  assert.equal(decodeURIComponent(encoded), "evil\"Set-Cookie: x=1; (copy)*'.pdf");
  assert.equal(contentDispositionFor("通知.docx"), `attachment; filename="attachment.docx"; filename*=UTF-8''%E9%80%9A%E7%9F%A5.docx`);
});
