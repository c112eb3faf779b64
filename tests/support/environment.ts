import { resetConfig } from "@/lib/config";

/**
 * Sets (or, with undefined, removes) environment variables of this test process and makes the
 * product read them: the configuration (lib/config.ts) is parsed once per process, so it is
 * parsed again on its next use.
 */
export function setEnvironment(values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetConfig();
}
