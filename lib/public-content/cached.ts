import "server-only";
import { unstable_cache } from "next/cache";
import { readPublicContentVersion } from "@/lib/public-content/content-version";

/**
 * Runs a public read through Next's data cache, keyed by the current public content version and
 * the arguments. Results must be JSON-serialisable (dates as strings). Outside a Next server
 * (scripts, tests) there is no data cache: the read runs directly.
 */
export async function readThroughPublicCache<Result>(name: string, args: unknown[], read: () => Promise<Result>): Promise<Result> {
  if (!process.env.NEXT_RUNTIME) return read();
  const version = await readPublicContentVersion();
  const cached = unstable_cache(read, ["public", name, version, JSON.stringify(args)], { revalidate: 3600, tags: ["public-content"] });
  return cached();
}
