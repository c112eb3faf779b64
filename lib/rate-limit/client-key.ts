import { clientAddressOf } from "@/lib/http-security/client-address";

/**
 * Identifies the client of a request for rate limiting: its address as the web server saw it on
 * the socket, or as a trusted proxy reported it (TRUST_PROXY; see lib/http-security/client-address.ts).
 * A client cannot choose its key: X-Forwarded-For is believed only from a trusted proxy.
 * Without our web server in front (`next dev`) the address is unknown and every client shares
 * the one key "direct".
 */
export function clientKeyOf(headers: Headers): string {
  return clientAddressOf(headers) ?? "direct";
}
