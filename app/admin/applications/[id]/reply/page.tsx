import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/public/print-button";
import { requirePageUser } from "@/lib/auth/page-guard";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findReplyLetterForStaff } from "@/lib/reply-letters/find-reply-letter";
import { replyDateLine, replyParagraphs } from "@/lib/reply-letters/reply-document";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: messages.applications.console.detail.reply };

/** The reply letter laid out for printing on A4 (or saving as PDF from the print dialog). */
export default async function ReplyLetterPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageUser("application.read");
  const raw = (await params).id;
  if (!/^\d+$/.test(raw)) notFound();
  const letter = await findReplyLetterForStaff(actor, Number(raw)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [salutation, ...paragraphs] = replyParagraphs(letter);
  const d = messages.applications.console.detail;
  return (
    <div className="space-y-4">
      <p className="no-print flex gap-4">
        <Link href={`/admin/applications/${raw}`}>← {letter.number}</Link>
        <PrintButton label={d.printReply} />
      </p>
      <article
        className="mx-auto max-w-[170mm] bg-white p-10 font-serif text-lg leading-9 text-black shadow print:p-0 print:shadow-none"
        data-testid="printable-reply"
      >
        <h1 className="text-center text-2xl font-bold">{letter.title}</h1>
        <p className="mb-6 text-center">{d.letterNumber(letter.number)}</p>
        <p>{salutation}</p>
        {paragraphs.map((text, index) => (
          <p key={index} className="indent-8">
            {text}
          </p>
        ))}
        <p className="mt-12 text-right">
          {letter.agencyName}
          <br />
          {replyDateLine(letter)}
        </p>
      </article>
    </div>
  );
}
