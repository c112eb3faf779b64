import ipaddr from "ipaddr.js";
import proxyaddr from "proxy-addr";
import { readConfig } from "@/lib/config";
import { parseTrustProxy, type TrustProxy } from "@/lib/http-security/trust-proxy";

/**
 * Who is asking: the address of the client of a request, for rate limits and login throttling.
 *
 * The web server (lib/runtime/web-server.ts) knows the socket peer of every request. It removes
 * any copy of PEER_ADDRESS_HEADER the client sent and sets it to that peer, and it removes the
 * forwarding headers (X-Forwarded-For/-Proto/-Host, Forwarded, X-Real-IP) unless the peer is a
 * trusted proxy. TRUST_PROXY names the trusted proxies:
 *   unset, "0"      nobody: the socket peer is the client (the app faces the internet directly);
 *   "1"             a proxy on this machine (loopback: 127.0.0.0/8, ::1), e.g. deploy/nginx.conf;
 *   a list          addresses and CIDR ranges, comma-separated ("10.0.0.5, 10.1.0.0/16"), plus the
 *                   names loopback, linklocal and uniquelocal.
 * Behind trusted proxies the client is the last address in X-Forwarded-For that is not itself a
 * trusted proxy, so a client cannot forge its address by sending the header itself: a direct
 * client's header is removed, and a proxy appends (or, like the nginx example, replaces).
 */
export const PEER_ADDRESS_HEADER = "x-gongkai-peer-address";

/**
 * The web server sets this variable in its own process. Without it (`next dev`, or `next start`
 * run by hand) nothing removes a client's own PEER_ADDRESS_HEADER, so the header is not believed.
 */
export const EDGE_SERVER_FLAG = "GONGKAI_EDGE_SERVER";

/** Forwarding headers only a trusted proxy may set. */
export const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "forwarded", "x-real-ip"] as const;

export { parseTrustProxy, type TrustProxy } from "@/lib/http-security/trust-proxy";

let compiled: { setting: string; trust: TrustProxy } | undefined;

/** The trusted-proxy test for the current TRUST_PROXY (compiled once per value). */
export function trustedProxies(): TrustProxy {
  const setting = readConfig().TRUST_PROXY;
  if (compiled?.setting !== setting) compiled = { setting, trust: parseTrustProxy(setting) };
  return compiled.trust;
}

/** The socket peer the web server recorded, or null when no web server of ours stands in front. */
export function peerAddressOf(headers: Headers): string | null {
  if (process.env[EDGE_SERVER_FLAG] !== "1") return null;
  return headers.get(PEER_ADDRESS_HEADER)?.trim() || null;
}

/**
 * An address as a rate-limit key: IPv4-mapped IPv6 (::ffff:192.0.2.1) as plain IPv4, and IPv6 by
 * its /64 network, because one subscriber usually gets a whole /64 and could otherwise take a
 * fresh key for every request. Anything unparsable is kept as text (cut to 64 characters).
 */
export function normaliseClientAddress(address: string): string {
  if (!ipaddr.isValid(address)) return address.slice(0, 64);
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (parsed.kind() === "ipv4") return parsed.toString();
  const network = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${network.join(":")}::/64`;
}

/**
 * The client's address: the socket peer, or, when the peer is a trusted proxy, the address that
 * proxy (and any trusted proxies before it) reported in X-Forwarded-For. Null without our server.
 */
export function clientAddressOf(headers: Headers): string | null {
  const peer = peerAddressOf(headers);
  if (!peer) return null;
  const trust = trustedProxies();
  const forwardedFor = headers.get("x-forwarded-for");
  if (!forwardedFor || !trust(peer, 0)) return normaliseClientAddress(peer);
  const request = { headers: { "x-forwarded-for": forwardedFor }, socket: { remoteAddress: peer }, connection: { remoteAddress: peer } };
  return normaliseClientAddress(proxyaddr(request as never, trust));
}

/** Whether the request came through a trusted proxy, whose forwarding headers may be believed. */
export function isFromTrustedProxy(headers: Headers): boolean {
  const peer = peerAddressOf(headers);
  return Boolean(peer && trustedProxies()(peer, 0));
}

/** Whether the request reached us over HTTPS: only a trusted proxy can say so (X-Forwarded-Proto). */
export function isHttpsRequest(headers: Headers): boolean {
  if (!isFromTrustedProxy(headers)) return false;
  return headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}
