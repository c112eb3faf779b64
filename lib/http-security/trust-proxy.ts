import proxyaddr from "proxy-addr";

/** Whether an address is a trusted reverse proxy (TRUST_PROXY, see lib/http-security/client-address.ts). */
export type TrustProxy = (address: string, hop: number) => boolean;

const trustNobody: TrustProxy = () => false;

/** TRUST_PROXY as a test of an address; throws a readable Error when the setting is not valid. */
export function parseTrustProxy(setting: string | undefined): TrustProxy {
  const value = (setting ?? "").trim();
  if (value === "" || value === "0" || value === "false") return trustNobody;
  if (value === "1" || value === "true") return proxyaddr.compile("loopback");
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.some((entry) => /^\d+$/.test(entry))) {
    throw new Error(`TRUST_PROXY="${value}": give the proxies' addresses or CIDR ranges (or 1 for a proxy on this machine), not a hop count.`);
  }
  try {
    return proxyaddr.compile(entries);
  } catch (error) {
    throw new Error(`TRUST_PROXY="${value}" is not a list of addresses or CIDR ranges: ${error instanceof Error ? error.message : String(error)}`);
  }
}
