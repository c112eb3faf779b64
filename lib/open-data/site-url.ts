import { readConfig } from "@/lib/config";
import { isFromTrustedProxy } from "@/lib/http-security/client-address";

/**
 * The public address of the site, for absolute links in feeds and the sitemap: PUBLIC_BASE_URL
 * when set (recommended behind a reverse proxy), otherwise the address the request came to
 * (X-Forwarded-Proto/Host when it came through a proxy that TRUST_PROXY names).
 */
export function siteOrigin(headers: Headers, requestUrl?: string): string {
  const configured = readConfig().PUBLIC_BASE_URL;
  if (configured) return configured.replace(/\/+$/, "");
  if (isFromTrustedProxy(headers)) {
    const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
    const protocol = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "https";
    if (host && /^[\w.-]+(:\d+)?$/.test(host)) return `${protocol === "http" ? "http" : "https"}://${host}`;
  }
  if (requestUrl) return new URL(requestUrl).origin;
  const host = headers.get("host");
  return host && /^[\w.-]+(:\d+)?$/.test(host) ? `http://${host}` : "http://localhost";
}
