import { messages } from "@/lib/i18n";
import type { ServiceGuide } from "@/lib/services/service-guide";

const s = messages.registers.services;

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The printable 服务指南 of one service: every item of the guide in the order applicants need it. */
export function ServiceGuideArticle({ guide, formHref }: { guide: ServiceGuide; formHref: (formId: number) => string }) {
  const f = s.fields;
  const basics: [string, React.ReactNode][] = [
    [f.name, guide.name],
    [f.code, guide.code],
    [f.powerId, guide.power ? `${guide.power.code} ${guide.power.name}` : "—"],
    [f.section, guide.sectionName],
    [f.timeLimitDays, s.workingDays(guide.timeLimitDays)],
    [f.fee, guide.fee],
    [f.place, guide.place],
    [f.officeHours, guide.officeHours],
    [f.consultationPhone, guide.consultationPhone],
    [f.complaintPhone, guide.complaintPhone],
  ];
  const heading = "mt-6 border-l-4 border-red-800 pl-2 text-lg font-semibold";
  return (
    <>
      <table className="pairs-table mt-4 w-full border-collapse text-sm" data-testid="guide-basics">
        <caption className="sr-only">{s.guide}</caption>
        <tbody>
          {basics.map(([label, value]) => (
            <tr key={label}>
              <th scope="row" className="w-40 border border-gray-300 bg-gray-100 px-2 py-2 text-left font-medium">
                {label}
              </th>
              <td className="border border-gray-300 px-2 py-2">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className={heading}>{f.legalBasis}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6 text-sm leading-6">
        {guide.legalBasis.map((basis) => (
          <li key={basis}>{basis}</li>
        ))}
      </ul>
      <h2 className={heading}>{f.conditions}</h2>
      <p className="mt-2 whitespace-pre-line text-sm leading-7">{guide.conditions}</p>
      <h2 className={heading}>{f.materials}</h2>
      {guide.materials.length ? (
        <table className="stack-table mt-2 w-full border-collapse text-sm" data-testid="guide-materials">
          <thead>
            <tr className="bg-gray-100">
              <th scope="col" className="w-12 border border-gray-300 px-2 py-1">
                {messages.common.serialNumber}
              </th>
              <th scope="col" className="border border-gray-300 px-2 py-1 text-left">
                {s.materials.name}
              </th>
              <th scope="col" className="w-20 border border-gray-300 px-2 py-1">
                {s.materials.originals}
              </th>
              <th scope="col" className="w-20 border border-gray-300 px-2 py-1">
                {s.materials.copies}
              </th>
              <th scope="col" className="border border-gray-300 px-2 py-1 text-left">
                {s.materials.note}
              </th>
            </tr>
          </thead>
          <tbody>
            {guide.materials.map((material, index) => (
              <tr key={`${material.name}-${index}`}>
                <td className="border border-gray-300 px-2 py-1 text-center" data-label={messages.common.serialNumber}>
                  {index + 1}
                </td>
                <td className="border border-gray-300 px-2 py-1" data-label={s.materials.name}>
                  {material.name}
                </td>
                <td className="border border-gray-300 px-2 py-1 text-center" data-label={s.materials.originals}>
                  {material.originals}
                </td>
                <td className="border border-gray-300 px-2 py-1 text-center" data-label={s.materials.copies}>
                  {material.copies}
                </td>
                <td className="border border-gray-300 px-2 py-1" data-label={s.materials.note}>
                  {material.note ?? ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-2 text-sm">{s.materials.none}</p>
      )}
      <h2 className={heading}>{f.steps}</h2>
      <ol className="mt-2 list-decimal space-y-1 pl-6 text-sm leading-6">
        {guide.steps.map((step, index) => (
          <li key={`${index}-${step}`}>{step}</li>
        ))}
      </ol>
      <h2 className={heading}>{f.forms}</h2>
      {guide.forms.length ? (
        <ul className="mt-2 list-disc pl-6 text-sm" data-testid="guide-forms">
          {guide.forms.map((form) => (
            <li key={form.id}>
              <a href={formHref(form.id)} download>
                {form.title}
              </a>
              <span className="ml-2 text-gray-700">（{formatSize(form.sizeBytes)}）</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm">{f.noForms}</p>
      )}
    </>
  );
}
