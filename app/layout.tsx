import type { Metadata } from "next";
import "./globals.css";
import { locale } from "@/lib/i18n";
import { messages } from "@/lib/i18n";

export const metadata: Metadata = {
  title: { default: messages.site.disclosureColumn, template: `%s - ${messages.site.disclosureColumn}` },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
