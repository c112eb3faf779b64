import Link from "next/link";
import { messages } from "@/lib/i18n";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto mt-16 max-w-md rounded border border-gray-300 bg-white p-8">
      <h1 className="text-xl font-bold">403</h1>
      <p className="mt-3">{messages.errors.forbidden}</p>
      <p className="mt-3">
        <Link href="/admin">{messages.site.console}</Link>
      </p>
    </main>
  );
}
