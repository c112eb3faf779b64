import Link from "next/link";
import { messages } from "@/lib/i18n";

/** The emblem beside the agency's name: the uploaded one, or a drawn red seal when there is none. */
function Emblem({ logoUrl }: { logoUrl: string | null }) {
  if (logoUrl)
    return (
      // eslint-disable-next-line @next/next/no-img-element -- a small stored image served by our own route, any size the agency uploaded
      <img src={logoUrl} alt="" className="h-12 w-auto shrink-0 sm:h-16" data-testid="site-emblem" />
    );
  return (
    <span
      aria-hidden="true"
      className="flex h-12 w-12 shrink-0 items-center justify-center rounded-full border-2 border-yellow-300 bg-red-800 text-xl font-bold text-yellow-300 sm:h-16 sm:w-16 sm:text-2xl"
      data-testid="site-emblem"
    >
      {messages.siteIdentity.header.defaultEmblem}
    </span>
  );
}

export function PublicHeader({ agencyName, logoUrl }: { agencyName: string; logoUrl: string | null }) {
  return (
    <header className="bg-brand text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-5">
        <Link href="/" className="flex items-center gap-3 text-white hover:no-underline" data-testid="site-identity">
          <Emblem logoUrl={logoUrl} />
          <span>
            <span className="block text-xl font-bold leading-tight sm:text-2xl">{agencyName}</span>
            <span className="mt-1 block text-sm tracking-widest text-red-50">{messages.site.disclosureColumn}</span>
          </span>
        </Link>
        <nav aria-label={messages.site.mainNavigation} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href="/" className="text-white">
            {messages.site.home}
          </Link>
          <Link href="/catalogue/statutory" className="text-white">
            {messages.site.catalogue}
          </Link>
          <Link href="/agencies" className="text-white">
            {messages.agencies.publicNav}
          </Link>
          <Link href="/apply" className="text-white">
            {messages.site.apply}
          </Link>
          <Link href="/applications" className="text-white">
            {messages.site.applicationStatus}
          </Link>
          <Link href="/reports/annual" className="text-white">
            {messages.site.annualReports}
          </Link>
          <Link href="/feedback" className="text-white">
            {messages.site.feedback}
          </Link>
        </nav>
      </div>
    </header>
  );
}
