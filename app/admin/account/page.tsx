import type { Metadata } from "next";
import { listOwnApiTokens } from "@/lib/auth/api-tokens";
import { requirePageUser } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";
import { ChangePasswordForm, CreateTokenForm, RevokeTokenForm } from "./account-forms";

export const metadata: Metadata = { title: messages.account.title };

export default async function AccountPage() {
  const actor = await requirePageUser("account.manage_tokens");
  const tokens = await listOwnApiTokens(actor);
  const m = messages.account;
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-bold">{m.title}</h1>
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="change-password">
        <h2 id="change-password" className="mb-4 text-lg font-semibold">{m.changePassword}</h2>
        <ChangePasswordForm />
      </section>
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="tokens">
        <h2 id="tokens" className="text-lg font-semibold">{m.tokens}</h2>
        <p className="mb-4 mt-1 text-sm text-gray-700">{m.tokensHelp}</p>
        {tokens.length ? (
          <div className="mb-6 overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="api-tokens">
              <thead className="bg-gray-100">
                <tr>
                  <th scope="col" className="px-3 py-2">{m.tokenName}</th>
                  <th scope="col" className="px-3 py-2">{m.tokenScope}</th>
                  <th scope="col" className="px-3 py-2">{m.createdAt}</th>
                  <th scope="col" className="px-3 py-2">{m.expiresAt}</th>
                  <th scope="col" className="px-3 py-2">{m.lastUsed}</th>
                  <th scope="col" className="px-3 py-2"><span className="sr-only">{m.revoke}</span></th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id} className="border-t border-gray-200">
                    <td className="px-3 py-2">{token.name} <code className="text-gray-700">{token.prefix}…</code></td>
                    <td className="px-3 py-2">{m.scopes[token.scope]}</td>
                    <td className="px-3 py-2">{formatDateTime(token.createdAt)}</td>
                    <td className="px-3 py-2">{formatDateTime(token.expiresAt)}</td>
                    <td className="px-3 py-2">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : m.never}</td>
                    <td className="px-3 py-2">
                      {token.revokedAt ? m.revoked : token.live ? <RevokeTokenForm tokenId={token.id} name={token.name} /> : m.expired}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <CreateTokenForm />
      </section>
    </div>
  );
}
