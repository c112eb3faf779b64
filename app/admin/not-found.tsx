import Link from "next/link";
import { messages } from "@/lib/i18n";

/** A console record that does not exist (or not for this user), inside the console's own layout. */
export default function ConsoleNotFound() {
  return (
    <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="not-found-title">
      <h1 id="not-found-title" className="text-xl font-bold">
        {messages.errors.notFoundTitle}
      </h1>
      <p className="mt-3">{messages.errors.notFoundText}</p>
      <p className="mt-3">
        <Link href="/admin">{messages.site.console}</Link>
      </p>
    </section>
  );
}
