import Link from "next/link";
import { connection } from "next/server";
import PublicLayout from "@/app/(public)/layout";
import { messages } from "@/lib/i18n";

/**
 * An unknown address, or a public record that is not (or no longer) public: the site's own header,
 * footer and ways onward, not a bare card. (The console has its own, app/admin/not-found.tsx.)
 */
// Rendered per request, not prerendered: a prerendered page's scripts carry no CSP nonce (proxy.ts).
export default async function NotFound() {
  await connection();
  return (
    <PublicLayout>
      <section className="mx-auto max-w-xl rounded border border-gray-300 bg-white p-8" aria-labelledby="not-found-title">
        <h1 id="not-found-title" className="text-xl font-bold">
          {messages.errors.notFoundTitle}
        </h1>
        <p className="mt-3">{messages.errors.notFoundText}</p>
        <ul className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <Link href="/">{messages.site.home}</Link>
          </li>
          <li>
            <Link href="/catalogue/statutory">{messages.site.catalogue}</Link>
          </li>
          <li>
            <Link href="/search">{messages.search.title}</Link>
          </li>
          <li>
            <Link href="/apply">{messages.site.apply}</Link>
          </li>
        </ul>
      </section>
    </PublicLayout>
  );
}
