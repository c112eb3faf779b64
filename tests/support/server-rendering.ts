/**
 * For tests that render public pages in-process: Next's server environment (request storages,
 * `next/navigation`'s server build) and client components left unrendered, as on Next's server
 * (tests/support/client-references.mjs). Import it first; import the pages afterwards, dynamically.
 */
import "../security/next-server-environment";
import { register } from "node:module";

register("./client-references.mjs", import.meta.url);
