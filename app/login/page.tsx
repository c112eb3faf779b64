import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { findAgencyProfile } from "@/lib/agency/find-agency";
import { getSessionUserPendingPasswordChange } from "@/lib/auth/session";
import { messages } from "@/lib/i18n";
import { DEMO_PASSWORD, listedDemoAccounts } from "@/lib/users/demo-accounts";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: messages.login.title };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  // Signed in already (also with a one-time password still to change, which /admin sends on to the form).
  if (await getSessionUserPendingPasswordChange()) redirect("/admin");
  const { callbackUrl } = await searchParams;
  const agency = await findAgencyProfile();
  const m = messages.login;
  return (
    <main id="main" className="mx-auto mt-16 max-w-md px-4">
      <p className="text-center text-sm text-gray-700">
        <Link href="/">{agency.name}</Link>
      </p>
      <div className="mt-3 rounded border border-gray-300 bg-white p-8 shadow-sm">
        <h1 className="mb-6 text-xl font-bold">{m.title}</h1>
        <LoginForm callbackUrl={callbackUrl} />
      </div>
      {agency.demoMode ? (
        <section className="mt-6 rounded border border-amber-600 bg-amber-50 p-4 text-sm" aria-labelledby="demo-accounts" data-testid="demo-accounts">
          <h2 id="demo-accounts" className="font-semibold">
            {m.demoTitle}
          </h2>
          <p className="mt-1">{m.demoNotice}</p>
          <p className="mt-1">
            {m.demoHint} <code>{DEMO_PASSWORD}</code>
          </p>
          <ul className="mt-2 space-y-1">
            {listedDemoAccounts.map((account) => (
              <li key={account.username}>
                <code>{account.username}</code>：{account.displayName}（{messages.roles[account.role]}，{account.section}）
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
