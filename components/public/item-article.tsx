import { ItemMetadataTable } from "@/components/public/item-metadata-table";
import { PrintButton } from "@/components/public/print-button";
import { withScrollableTables } from "@/lib/content/scrollable-tables";
import { messages } from "@/lib/i18n";
import type { PublicItemDetail } from "@/lib/items/public-items";

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** An item's public page body: metadata, title, text and attachments — or the withdrawal notice. */
export function ItemArticle({ item }: { item: PublicItemDetail }) {
  const m = messages.publicItems;
  return (
    <article className="rounded border border-gray-300 bg-white p-6" aria-labelledby="item-title">
      <ItemMetadataTable item={item} />
      <h1 id="item-title" className="mt-6 text-center text-2xl font-bold leading-9">
        {item.title}
      </h1>
      {item.withdrawal ? (
        <div className="mt-6 rounded border border-amber-700 bg-amber-50 p-4" role="note" data-testid="withdrawal-notice">
          <h2 className="font-semibold">{m.withdrawnTitle}</h2>
          <p className="mt-2">{m.withdrawnText(item.withdrawal.withdrawnAt)}</p>
          <p className="mt-1">
            {m.withdrawalReason}：{item.withdrawal.reason}
          </p>
        </div>
      ) : (
        <>
          {/* The body was sanitised when it was saved (lib/content/sanitize-html.ts). */}
          <div className="item-body mt-6 leading-8" data-testid="item-body" dangerouslySetInnerHTML={{ __html: withScrollableTables(item.body) }} />
          {item.attachments.length ? (
            <section className="mt-8 border-t border-gray-200 pt-4" aria-labelledby="attachments">
              <h2 id="attachments" className="font-semibold">
                {m.attachments}
              </h2>
              <ul className="mt-2 list-disc pl-6">
                {item.attachments.map((attachment) => (
                  <li key={attachment.id}>
                    <a href={`/files/${attachment.id}`} download>
                      {attachment.name}
                    </a>
                    <span className="ml-2 text-sm text-gray-700">（{formatSize(attachment.sizeBytes)}）</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
      <div className="no-print mt-8 flex justify-end gap-3">
        <PrintButton label={m.print} />
      </div>
    </article>
  );
}
