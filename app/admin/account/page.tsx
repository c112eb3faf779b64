import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { DataTable } from "@/components/console/data-table";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { listOwnApiTokens } from "@/lib/auth/api-tokens";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";
import { loadMyNotificationPreferences } from "@/lib/notifications/preferences";
import { ChangePasswordForm, CreateTokenForm, NotificationPreferencesForm, RevokeTokenForm } from "./account-forms";

export const metadata: Metadata = { title: messages.account.title };

export default async function AccountPage() {
  const actor = await requirePageUser("account.change_password", { allowPendingPasswordChange: true });
  const m = messages.account;
  if (actor.mustChangePassword) {
    // A one-time password: the password change is all this account may do until it has one of its own.
    return (
      <div className="space-y-6">
        <PageHeader title={m.title} />
        <Panel id="change-password" title={m.changePassword}>
          <p role="alert" data-testid="password-change-required" className="mb-4 rounded border border-amber-600 bg-amber-50 p-3 text-sm">
            {m.mustChangeNotice}
          </p>
          <ChangePasswordForm />
        </Panel>
      </div>
    );
  }
  if (!isPermitted(actor.role, "account.manage_tokens")) forbidden();
  const [tokens, preferences] = await Promise.all([listOwnApiTokens(actor), loadMyNotificationPreferences(actor)]);
  return (
    <div className="space-y-6">
      <PageHeader title={m.title} />
      <Panel id="change-password" title={m.changePassword}>
        <ChangePasswordForm />
      </Panel>
      <Panel id="notifications" title={messages.notifications.preferences.title} description={messages.notifications.preferences.intro}>
        <NotificationPreferencesForm preferences={preferences} />
      </Panel>
      <Panel id="tokens" title={m.tokens} description={m.tokensHelp}>
        {tokens.length ? (
          <div className="mb-6">
            <DataTable
              caption={m.tokens}
              rows={tokens}
              rowKey={(token) => token.id}
              empty={null}
              testId="api-tokens"
              framed={false}
              columns={[
                {
                  key: "name",
                  header: m.tokenName,
                  cell: (token) => (
                    <>
                      {token.name} <code className="text-gray-700">{token.prefix}…</code>
                    </>
                  ),
                },
                { key: "scope", header: m.tokenScope, cell: (token) => m.scopes[token.scope] },
                { key: "createdAt", header: m.createdAt, cell: (token) => formatDateTime(token.createdAt) },
                { key: "expiresAt", header: m.expiresAt, cell: (token) => formatDateTime(token.expiresAt) },
                { key: "lastUsed", header: m.lastUsed, cell: (token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt) : m.never) },
              ]}
              rowActions={{
                header: m.revoke,
                hideHeader: true,
                cell: (token) => (token.revokedAt ? m.revoked : token.live ? <RevokeTokenForm tokenId={token.id} name={token.name} /> : m.expired),
              }}
            />
          </div>
        ) : null}
        <CreateTokenForm />
      </Panel>
    </div>
  );
}
