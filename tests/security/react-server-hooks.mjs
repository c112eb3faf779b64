/**
 * Module resolution as Next's server bundle does it for code on the server ("react-server" layer):
 * `next/navigation` is Next's server build of it (redirect, notFound), not the client hooks that
 * need React's client runtime. Registered by tests that import server actions in-process.
 */
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "next/navigation") return nextResolve("next/dist/client/components/navigation.react-server.js", context);
  return nextResolve(specifier, context);
}
