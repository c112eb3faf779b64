import "server-only";
import { unstable_cache } from "next/cache";
import { readPublicContent } from "@/lib/database/read-routing";
import { readPublicContentVersion } from "@/lib/public-content/content-version";

/**
 * Runs a public read through Next's data cache, keyed by the current public content version and
 * the arguments. Results must be JSON-serialisable (dates as strings). Outside a Next server
 * (scripts, tests) there is no data cache: the read runs directly.
 *
 * A public content read (lib/database/read-routing.ts): in an anonymous public request it reads
 * from the replica while that is usable, the version and the rows from the same server, so that
 * no result is cached under a version newer than the rows it was read from. The console calls some
 * of these functions too (the category tree): outside a public request they read the primary.
 */
export async function readThroughPublicCache<Result>(name: string, args: unknown[], read: () => Promise<Result>): Promise<Result> {
  return readPublicContent(async () => {
    if (!process.env.NEXT_RUNTIME) return read();
    const version = await readPublicContentVersion();
    const cached = unstable_cache(read, ["public", name, version, JSON.stringify(args)], { revalidate: 3600, tags: ["public-content"] });
    return cached();
  });
}
