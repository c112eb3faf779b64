/**
 * Identifies the client of a request for rate limiting. Behind a reverse proxy (TRUST_PROXY=1,
 * the proxy sets X-Forwarded-For / X-Real-IP) that is the visitor's address; without one, Next
 * does not expose the socket address, so all direct clients share one key ("direct").
 */
export function clientKeyOf(headers: Headers): string {
  if (process.env.TRUST_PROXY === "1") {
    const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    const real = headers.get("x-real-ip")?.trim();
    if (forwarded || real) return (forwarded || real)!.slice(0, 64);
  }
  return "direct";
}
