import Link from "next/link";
import { connection } from "next/server";
import { messages } from "@/lib/i18n";

// Rendered per request, not prerendered: a prerendered page's scripts carry no CSP nonce (proxy.ts).
export default async function NotFound() {
  await connection();
  return (
    <main id="main" className="mx-auto mt-16 max-w-md rounded border border-gray-300 bg-white p-8">
      <h1 className="text-xl font-bold">{messages.errors.notFoundTitle}</h1>
      <p className="mt-3">{messages.errors.notFoundText}</p>
      <p className="mt-3">
        <Link href="/">{messages.site.home}</Link>
      </p>
    </main>
  );
}
