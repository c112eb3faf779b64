import { findLeadingGroup } from "@/lib/agency/find-agency";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const group = await findLeadingGroup();
  const m = messages.home;
  return (
    <div className="grid gap-6 md:grid-cols-3">
      <section className="rounded border border-gray-300 bg-white p-6 md:col-span-2" aria-labelledby="welcome">
        <h1 id="welcome" className="text-xl font-bold">{m.welcomeTitle}</h1>
        <p className="mt-3 leading-7">{m.welcomeText}</p>
      </section>
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="leading-group">
        <h2 id="leading-group" className="text-lg font-semibold">{m.leadingGroup}</h2>
        <ul className="mt-3 space-y-1 text-sm">
          {group.map((member) => (
            <li key={member.name}>{member.groupRole}：{member.name}（{member.position}）</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
