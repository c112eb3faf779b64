import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { publicMetadata } from "@/app/(public)/_lib/public-metadata";
import { PrintButton } from "@/components/public/print-button";
import { RegisterBreadcrumb } from "@/components/public/register-breadcrumb";
import { articleDate } from "@/lib/agency/page-identity";
import { findPublicAgency } from "@/lib/agency/public-agency";
import { counterpartyCategoryLabel } from "@/lib/decisions/decision-fields";
import { findPublicDecision } from "@/lib/decisions/public-decisions";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ agency?: string | string[] }> };

const d = messages.registers.decisions;

async function load(params: Props["params"]) {
  const raw = (await params).id;
  return /^\d+$/.test(raw) ? findPublicDecision(Number(raw)) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const decision = await load(params);
  return publicMetadata({
    page: decision ? `${decision.documentNumber} ${decision.counterpartyName}` : messages.errors.notFoundTitle,
    column: "disclosure",
    columnName: messages.registers.decisions.title,
    article: decision
      ? {
          // As the page's heading reads.
          title: `${messages.registers.decisions.kindTitles[decision.kind]}：${decision.documentNumber}`,
          publishedAt: articleDate(decision.publishedAt),
          source: decision.authorityName,
          keywords: [messages.registers.decisions.kindTitles[decision.kind], decision.documentNumber],
          description: decision.content,
          path: `/decisions/${decision.id}`,
        }
      : undefined,
  });
}

/** One decision, whichever agency's; `?agency=CODE` (from that agency's list) keeps the way back to its list. */
export default async function DecisionPage({ params, searchParams }: Props) {
  const [decision, agency] = await Promise.all([load(params), findPublicAgency((await searchParams).agency)]);
  if (!decision || !agency) notFound();
  const f = d.fields;
  const person = decision.counterpartyCategory === "natural_person";
  const rows: [string, string | null][] = [
    [f.kind, messages.registers.decisionKinds[decision.kind]],
    [f.counterpartyName, decision.counterpartyName],
    [f.counterpartyCategory, counterpartyCategoryLabel(decision.counterpartyCategory)],
    ...(person
      ? ([
          [f.idType, decision.idType],
          [f.idNumber, `${decision.idNumberMasked ?? "—"}（${d.idNumberHidden}）`],
        ] as [string, string | null][])
      : ([
          [f.creditCode, decision.creditCode],
          [f.legalRepresentative, decision.legalRepresentative],
        ] as [string, string | null][])),
    [f.documentNumber, decision.documentNumber],
    ...((decision.kind === "license"
      ? [
          [f.licenseDocumentName, decision.licenseDocumentName],
          [f.licenseCategory, decision.licenseCategory],
          [f.licenseNumber, decision.licenseNumber],
          [f.licenseName, decision.licenseName],
          [f.licenseContent, decision.licenseContent],
          [f.licenseStatus, decision.licenseStatus],
        ]
      : decision.kind === "penalty"
        ? [
            [f.violationType, decision.violationType],
            [f.violationFacts, decision.violationFacts],
            [f.penaltyBasis, decision.penaltyBasis],
            [f.penaltyCategories, decision.penaltyCategories.join("；")],
            [f.penaltyContent, decision.penaltyContent],
            [f.penaltyAmountUnit, decision.penaltyAmount],
            [f.fineAmountUnit, decision.fineAmount],
            [f.confiscationAmountUnit, decision.confiscationAmount],
            [f.suspendedLicense, decision.suspendedLicense],
          ]
        : [
            [f.coercionCategory, decision.coercionCategory],
            [f.coercionContent, decision.coercionContent],
          ]) as [string, string | null][]),
    [f.decisionDate, decision.decisionDate],
    [f.validFrom, decision.validFrom],
    [f.validUntil, decision.validUntil ?? (decision.validFrom ? d.longTerm : null)],
    [f.authorityName, decision.authorityName],
    [f.authorityCreditCode, decision.authorityCreditCode],
    [f.publicUntil, decision.publicUntil ?? d.longTerm],
    [f.dataSourceName, decision.dataSourceName],
    [f.dataSourceCreditCode, decision.dataSourceCreditCode],
    [f.remarks, decision.remarks],
  ];
  return (
    <div className="space-y-4">
      <RegisterBreadcrumb
        agency={agency}
        steps={[
          { label: d.title, href: "/decisions" },
          { label: d.kindTitles[decision.kind], href: `/decisions?kind=${decision.kind}` },
        ]}
        className="text-sm text-gray-700"
      />
      <article className="rounded border border-gray-300 bg-white p-6" aria-labelledby="decision-title">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 id="decision-title" className="text-xl font-bold">
            {d.kindTitles[decision.kind]}：{decision.documentNumber}
          </h1>
          <div className="no-print">
            <PrintButton label={messages.registers.common.print} />
          </div>
        </div>
        <table className="pairs-table mt-4 w-full border-collapse text-sm" data-testid="decision-fields">
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row" className="w-48 border border-gray-300 bg-gray-100 px-2 py-2 text-left font-medium">
                  {label}
                </th>
                <td className="border border-gray-300 px-2 py-2 whitespace-pre-line">{value || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-3 text-sm text-gray-700">
          {messages.registers.review.publishedAt}：{decision.publishedAt}
          {decision.publicUntil ? `　${d.publicUntil(decision.publicUntil)}` : ""}
        </p>
      </article>
    </div>
  );
}
