import Link from "next/link";
import { agencyHref, type AddressedAgency } from "@/lib/agency/agency-address";
import { messages } from "@/lib/i18n";

export type BreadcrumbStep = { label: string; href?: string };

/**
 * A public page's breadcrumb: 首页 › (for an agency other than the default one: 机关导航 › its
 * name) › the page's own steps, whose links keep the agency (集约化, `?agency=`). The last step
 * without a link is the page itself.
 */
export function RegisterBreadcrumb({ agency, steps, className }: { agency: AddressedAgency & { name: string }; steps: BreadcrumbStep[]; className: string }) {
  return (
    <nav aria-label={messages.common.breadcrumb} className={className}>
      <Link href="/">{messages.site.home}</Link>
      {agency.isDefault ? null : (
        <>
          {" "}
          › <Link href="/agencies">{messages.agencies.directory.breadcrumb}</Link> ›{" "}
          <Link href={`/agencies/${encodeURIComponent(agency.code)}`}>{agency.name}</Link>
        </>
      )}
      {steps.map((step, index) => (
        <span key={`${index}-${step.label}`}>
          {" "}
          ›{" "}
          {step.href ? (
            <Link href={agencyHref(step.href, agency)}>{step.label}</Link>
          ) : (
            <span aria-current={index === steps.length - 1 ? "page" : undefined}>{step.label}</span>
          )}
        </span>
      ))}
    </nav>
  );
}
