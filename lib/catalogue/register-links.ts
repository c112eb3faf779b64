import { messages } from "@/lib/i18n";
/**
 * Catalogue categories whose content is also kept as a register with its own public pages: the
 * category page leads to the register (the items filed in the category still list below it).
 */
export const registerLinks: Record<string, { href: string; label: string }[]> = {
  "power-list": [{ href: "/powers", label: messages.items.registerLinks.powers }],
  licensing: [{ href: "/decisions?kind=license", label: messages.items.registerLinks.licensing }],
  penalties: [{ href: "/decisions?kind=penalty", label: messages.items.registerLinks.penalties }],
  coercion: [{ href: "/decisions?kind=coercion", label: messages.items.registerLinks.coercion }],
  // 国办发〔2018〕118号: 事前公开 includes the powers and the random-inspection lists; 事后公开 the 执法决定.
  "enforcement-before": [
    { href: "/powers", label: messages.items.registerLinks.powers },
    { href: "/inspections", label: messages.items.registerLinks.inspections },
  ],
  "enforcement-after": [
    { href: "/decisions?kind=license", label: messages.items.registerLinks.licensing },
    { href: "/decisions?kind=penalty", label: messages.items.registerLinks.penalties },
    { href: "/decisions?kind=coercion", label: messages.items.registerLinks.coercion },
  ],
  "random-inspections": [{ href: "/inspections", label: messages.items.registerLinks.inspections }],
  "public-services": [{ href: "/services", label: messages.items.registerLinks.services }],
  proposals: [{ href: "/proposals", label: messages.items.registerLinks.proposals }],
  "annual-reports": [{ href: "/reports/annual", label: messages.items.registerLinks.annualReports }],
};
