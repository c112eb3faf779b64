/**
 * The security headers of every response, in one place so that proxy.ts (pages rendered by Next)
 * and the web server (every response, static assets and API answers included; later its page
 * cache) send the same policy. Pure: no Next, no Node-only modules.
 */

/** The header that carries a page's nonce to the render (Next also reads it from the CSP itself). */
export const NONCE_HEADER = "x-nonce";

export type SecurityContext = {
  /** The page was asked for over HTTPS (directly or through a trusted proxy): HSTS and upgrade-insecure-requests. */
  secure: boolean;
};

// One year; no includeSubDomains: an agency's other hosts are not ours to force onto HTTPS.
const strictTransportSecurity = "max-age=31536000";

/**
 * A fresh nonce for one page: 128 random bits, base64. Must be unpredictable and used once, so an
 * injected <script> cannot carry it.
 */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The Content-Security-Policy of an HTML page.
 * - Scripts: only those carrying this page's nonce, and what they load ('strict-dynamic'); no
 *   inline handlers, no eval (development adds 'unsafe-eval', which React's dev tools need).
 * - Styles: our stylesheets and nonce-carrying <style> elements; no style attributes in markup.
 *   (`next dev` injects unnonced styles, so development allows inline styles.)
 * - Images: ours, data:/blob: (editor previews), and any http(s) address, because an item's body
 *   may show an image published elsewhere (the sanitiser allows http(s) images).
 * - Nothing may frame the site (frame-ancestors 'none'), forms post only here, no plugins, no <base>.
 */
export function contentSecurityPolicy(options: SecurityContext & { nonce: string; development?: boolean }): string {
  const { nonce, development = false, secure } = options;
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob: https: http:",
    "font-src 'self' data:",
    development ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // On plain HTTP (the quick start) this would send every subresource to an https:// address that
    // does not answer, so only over HTTPS.
    ...(secure ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/**
 * The headers every response carries, whatever it is (page, API answer, static asset, error):
 * no MIME sniffing, no framing (X-Frame-Options for browsers without frame-ancestors), no
 * referrer beyond our origin, no powerful browser features, a separate browsing context group,
 * and HSTS when the request came over HTTPS.
 */
export function baseSecurityHeaders({ secure }: SecurityContext): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(secure ? { "Strict-Transport-Security": strictTransportSecurity } : {}),
  };
}
