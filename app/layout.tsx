import type { Metadata } from "next";
import "./globals.css";
import { locale } from "@/lib/i18n";

export const metadata: Metadata = {
  title: { default: "政府信息公开", template: "%s - 政府信息公开" },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
