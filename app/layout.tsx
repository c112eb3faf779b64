import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";
import { applyStoredPreferencesScript } from "@/lib/accessibility/reading-preferences";
import { NONCE_HEADER } from "@/lib/http-security/security-headers";
import { locale } from "@/lib/i18n";
import { messages } from "@/lib/i18n";

export const metadata: Metadata = {
  title: { default: messages.site.disclosureColumn, template: `%s - ${messages.site.disclosureColumn}` },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    // The stored reading preferences (type size, contrast…) are put on <html> by the script below
    // before the first paint, so React must not take those attributes for a mismatch.
    <html lang={locale} suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: applyStoredPreferencesScript }} />
      </head>
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
