import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";
import { messages } from "@/lib/i18n";
import { formatChineseDate } from "@/lib/reply-letters/default-templates";

/** A reply letter as printed: the same content in the .docx, the printable HTML and the console. */
export type ReplyLetter = {
  title: string;
  number: string;
  /** One paragraph a line; the first is the salutation (申请人：). */
  body: string;
  agencyName: string;
  /** Null while the letter is a draft under review. */
  issuedOn: string | null;
};

const FONT = "FangSong";
const TITLE_FONT = "SimSun";

export function replyParagraphs(letter: ReplyLetter): string[] {
  return letter.body
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

export function replyDateLine(letter: ReplyLetter): string {
  return letter.issuedOn ? formatChineseDate(letter.issuedOn) : messages.applications.replyDocument.notIssuedYet;
}

export function replyFileName(letter: ReplyLetter, extension: "docx" | "html"): string {
  return `${letter.title}-${letter.number}.${extension}`;
}

/** The letter as a Word document: title, number, salutation, paragraphs, agency and date on the right. */
export async function buildReplyDocx(letter: ReplyLetter): Promise<Buffer> {
  const [salutation, ...paragraphs] = replyParagraphs(letter);
  const run = (text: string, options: { bold?: boolean; size?: number; font?: string } = {}) =>
    new TextRun({ text, bold: options.bold, font: options.font ?? FONT, size: options.size ?? 32 });
  const document = new Document({
    creator: letter.agencyName,
    title: letter.title,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [run(letter.title, { bold: true, size: 44, font: TITLE_FONT })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 360 },
            children: [run(messages.applications.replyDocument.number(letter.number), { size: 28 })],
          }),
          new Paragraph({ spacing: { line: 560 }, children: [run(salutation ?? "")] }),
          ...paragraphs.map((text) => new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [run(text)] })),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 720 }, children: [run(letter.agencyName)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(replyDateLine(letter))] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

/** A standalone printable page (A4), for the public download: print it, or save it as PDF. */
export function renderReplyHtml(letter: ReplyLetter): string {
  const [salutation, ...paragraphs] = replyParagraphs(letter);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(letter.title)} ${escapeHtml(letter.number)}</title>
<style>
  @page { size: A4; margin: 25mm 26mm; }
  body { font-family: FangSong, "STFangsong", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.9; color: #000; max-width: 170mm; margin: 2rem auto; }
  h1 { font-family: SimSun, "Noto Serif CJK SC", serif; text-align: center; font-size: 22pt; margin: 0; }
  .number { text-align: center; margin: 0 0 1.5em; }
  p { margin: 0; }
  .paragraph { text-indent: 2em; }
  .signature { text-align: right; margin-top: 3em; }
  .print { margin: 2em 0; text-align: center; font-family: sans-serif; font-size: 12pt; }
  @media print { .print { display: none; } body { margin: 0; } }
</style>
</head>
<body>
<h1>${escapeHtml(letter.title)}</h1>
<p class="number">${escapeHtml(messages.applications.replyDocument.number(letter.number))}</p>
<p>${escapeHtml(salutation ?? "")}</p>
${paragraphs.map((text) => `<p class="paragraph">${escapeHtml(text)}</p>`).join("\n")}
<p class="signature">${escapeHtml(letter.agencyName)}<br>${escapeHtml(replyDateLine(letter))}</p>
<p class="print"><button type="button" onclick="window.print()">${escapeHtml(messages.applications.replyDocument.print)}</button></p>
</body>
</html>`;
}
