import Link from "next/link";
import { Fragment } from "react";
import { messages } from "@/lib/i18n";
import type { PublicItemDetail } from "@/lib/items/public-items";

/** The metadata table every 政府信息公开 item page carries. */
export function ItemMetadataTable({ item }: { item: PublicItemDetail }) {
  const m = messages.publicItems;
  const validity = messages.validity[item.validity] + (item.validity !== "in_force" && item.validityDate ? `（${item.validityDate}）` : "");
  const rows: [string, React.ReactNode][] = [
    [m.indexNumber, item.indexNumber],
    [
      m.category,
      <Link key="category" href={`/catalogue/${item.category.slug}`}>
        {item.category.name}
      </Link>,
    ],
    [m.issuingBody, item.issuingBody],
    [m.documentNumber, item.documentNumber ?? "—"],
    [m.writtenAt, item.writtenAt ?? "—"],
    [m.publishedAt, item.publishedAt],
    [m.validity, validity],
    [m.disclosureMode, item.disclosureMode],
  ];
  if (item.replacedBy)
    rows.push([
      m.replacedBy,
      <Link key="replaced" href={`/items/${item.replacedBy.id}`}>
        {item.replacedBy.title}
      </Link>,
    ]);
  if (item.interprets)
    rows.push([
      m.interpretedItem,
      <Link key="interprets" href={`/items/${item.interprets.id}`}>
        {item.interprets.title}
      </Link>,
    ]);
  if (item.interpretations.length)
    rows.push([
      m.interpretations,
      <span key="interpretations" data-testid="item-interpretations">
        {item.interpretations.map((interpretation, index) => (
          <Fragment key={interpretation.id}>
            {index ? "；" : null}
            <Link href={`/items/${interpretation.id}`}>{interpretation.title}</Link>
          </Fragment>
        ))}
      </span>,
    ]);
  const pairs: [string, React.ReactNode][][] = [];
  for (let index = 0; index < rows.length; index += 2) pairs.push(rows.slice(index, index + 2));
  return (
    <table className="pairs-table w-full table-fixed border-collapse text-sm" data-testid="item-metadata">
      <caption className="sr-only">{m.metadataCaption}</caption>
      <tbody>
        {pairs.map((pair) => (
          <tr key={pair[0][0]}>
            {pair.map(([label, value]) => (
              <Fragment key={label}>
                <th scope="row" className="w-24 border border-gray-300 bg-gray-100 px-2 py-2 text-left font-medium sm:w-28">
                  {label}
                </th>
                <td className="border border-gray-300 px-2 py-2 break-words" colSpan={pair.length === 1 ? 3 : 1}>
                  {value}
                </td>
              </Fragment>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
