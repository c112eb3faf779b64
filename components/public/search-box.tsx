import { messages } from "@/lib/i18n";

export function SearchBox({ defaultValue }: { defaultValue?: string }) {
  const m = messages.publicItems;
  return (
    <form action="/search" method="get" role="search" className="no-print flex gap-2">
      <label htmlFor="site-search" className="sr-only">
        {m.searchLabel}
      </label>
      <input
        id="site-search"
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder={m.searchPlaceholder}
        maxLength={100}
        className="min-w-0 flex-1 rounded border border-gray-400 bg-white px-3 py-2 text-base text-gray-900 placeholder:text-gray-600"
      />
      <button type="submit" className="rounded bg-red-800 px-4 py-2 text-white hover:bg-red-900">
        {m.searchButton}
      </button>
    </form>
  );
}
