import type { AgencyProfile } from "@/lib/agency/find-agency";
import { messages } from "@/lib/i18n";

export function PublicFooter({ agency }: { agency: AgencyProfile }) {
  const m = messages.site;
  return (
    <footer className="mt-10 border-t border-gray-300 bg-white">
      <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-gray-800">
        <h2 className="mb-2 font-semibold">{m.contactTitle}</h2>
        <address className="not-italic" data-testid="agency-contact">
          <p>{agency.name}</p>
          <p>
            {m.address}：{agency.address}　{m.postcode}：{agency.postcode}
          </p>
          <p>
            {m.email}：<a href={`mailto:${agency.email}`}>{agency.email}</a>
            {agency.website ? (
              <>
                　{m.website}：{agency.website}
              </>
            ) : null}
          </p>
        </address>
        <p className="mt-3 text-gray-700">
          {m.copyright} © {agency.name}
        </p>
      </div>
    </footer>
  );
}
