import { z } from "zod";
import { parseTrustProxy } from "@/lib/http-security/trust-proxy";
import { parseStorageUrl } from "@/lib/storage/storage-settings";

/**
 * The product's configuration: every environment variable it reads, parsed once with zod.
 *
 * `npm start` (scripts/serve.ts) parses it before anything else, so a mistyped value (PORT=abc,
 * DATABASE_POOL_SIZE=0, TRUST_PROXY=2) stops the start with a message naming the variable and
 * what it expects, instead of becoming NaN or a silent default somewhere later. The web process
 * and the tools parse the same schema again in their own process (lazily, on first use).
 *
 * A blank value counts as unset. The README's configuration table lists the same variables
 * (tests/unit/config.test.ts keeps them in step). Variables of the test harness (TEST_DATABASE_URL,
 * E2E_PORT, CHROMIUM_PATH), of the bench (BENCH_*) and of Next itself (NODE_ENV, NEXT_RUNTIME)
 * are not the product's and are not here.
 */

const blankIsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value);

function wholeNumber(options: { min: number; max: number; default: number; unit?: string }) {
  const expected = `expected a whole number${options.unit ? ` of ${options.unit}` : ""} from ${options.min} to ${options.max}`;
  return z
    .string()
    .regex(/^[+]?\d+$/, expected)
    .transform(Number)
    .pipe(z.number().int(expected).min(options.min, expected).max(options.max, expected))
    .optional()
    .transform((value) => value ?? options.default);
}

function flag<Default extends boolean | undefined>(defaultValue: Default) {
  return z
    .string()
    .transform((value, context) => {
      const lower = value.toLowerCase();
      if (["1", "true", "yes", "on"].includes(lower)) return true;
      if (["0", "false", "no", "off"].includes(lower)) return false;
      context.addIssue({ code: "custom", message: "expected 1 (on) or 0 (off)" });
      return z.NEVER;
    })
    .optional()
    .transform((value): boolean | Default => value ?? defaultValue);
}

function webAddress() {
  return z
    .string()
    .refine(
      (value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol),
      "expected an http:// or https:// address, e.g. https://gongkai.example.gov.cn",
    )
    .optional();
}

/** DEMO_MODE: "on" (1), "off" (0), or "unset": decided by the kind of database (lib/runtime/demo-mode.ts). */
export type DemoSetting = "on" | "off" | "unset";

/** A DEMO_MODE value as a setting, or null when it is not understood. */
export function demoSettingOf(value: string | undefined): DemoSetting | null {
  const lower = value?.trim().toLowerCase() ?? "";
  if (lower === "") return "unset";
  if (["1", "true", "yes", "on"].includes(lower)) return "on";
  if (["0", "false", "no", "off"].includes(lower)) return "off";
  return null;
}

export const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .refine(
      (value) => URL.canParse(value) && /^postgres(ql)?:$/.test(new URL(value).protocol),
      "expected a PostgreSQL connection string (postgresql://user:password@host:5432/database)",
    )
    .optional(),
  /**
   * A streaming replica of DATABASE_URL for the public site's reads (lib/database/read-routing.ts);
   * unset: every read goes to DATABASE_URL.
   */
  DATABASE_REPLICA_URL: z
    .string()
    .refine(
      (value) => URL.canParse(value) && /^postgres(ql)?:$/.test(new URL(value).protocol),
      "expected a PostgreSQL connection string (postgresql://user:password@host:5432/database)",
    )
    .optional(),
  /** Public reads leave the replica when it is further behind the primary than this (and return at half). */
  DATABASE_REPLICA_MAX_LAG_MS: wholeNumber({ min: 200, max: 3_600_000, default: 5_000, unit: "milliseconds" }),
  DATA_DIR: z.string().default(".data"),
  PORT: wholeNumber({ min: 0, max: 65535, default: 3000 }),
  HOST: z.string().optional(),
  EMBEDDED_DATABASE_PORT: wholeNumber({ min: 1, max: 65535, default: 54329 }),
  DATABASE_POOL_SIZE: wholeNumber({ min: 1, max: 1000, default: 10, unit: "connections" }),
  /**
   * Seconds a statement may run before the database cancels it (lib/database/database-client.ts);
   * 0: no limit (the fixed-date test runs, where faketime breaks PostgreSQL's timers).
   */
  DATABASE_STATEMENT_TIMEOUT_S: wholeNumber({ min: 0, max: 86400, default: 10, unit: "seconds" }),
  DEBUG_DATABASE: flag(false),
  AUTH_SECRET: z.string().optional(),
  AUTH_URL: webAddress(),
  /** The name Auth.js v4 used for AUTH_URL; Auth.js v5 still reads it. */
  NEXTAUTH_URL: webAddress(),
  /** Read by Auth.js itself; `npm start` sets it to true when unset. */
  AUTH_TRUST_HOST: flag(undefined),
  PUBLIC_BASE_URL: webAddress(),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, context) => {
      try {
        parseTrustProxy(value);
      } catch (error) {
        // parseTrustProxy's own explanation (a hop count, an unreadable address) names the variable.
        context.addIssue({ code: "custom", message: error instanceof Error ? error.message.replace(/^TRUST_PROXY="[^"]*"(: | is )?/, "") : String(error) });
        return z.NEVER;
      }
      return value ?? "";
    }),
  DEMO_MODE: z
    .string()
    .optional()
    .transform((value, context) => {
      const setting = demoSettingOf(value);
      if (setting) return setting;
      context.addIssue({ code: "custom", message: "expected 1 (a demo installation) or 0 (never a demo), or leave it unset" });
      return z.NEVER;
    }),
  SEED_DEMO: flag(true),
  ATTACHMENT_MAX_MB: wholeNumber({ min: 1, max: 1024, default: 20, unit: "megabytes" }),
  /** Read by lib/imports/limits.ts (same bounds); listed here so that a wrong value stops npm start. */
  IMPORT_MAX_MB: wholeNumber({ min: 1, max: 1024, default: 20, unit: "megabytes" }),
  OPEN_DATA_RATE_LIMIT: wholeNumber({ min: 0, max: 1_000_000_000, default: 600, unit: "requests per minute (0 = off)" }),
  WEB_HEAP_MB: wholeNumber({ min: 64, max: 65_536, default: 320, unit: "megabytes" }),
  /** Web processes behind the one port; unset: one per core (scripts/serve.ts). */
  WEB_CONCURRENCY: z
    .string()
    .regex(/^[+]?\d+$/, "expected a whole number of web processes from 1 to 64")
    .transform(Number)
    .pipe(z.number().int().min(1, "expected a whole number of web processes from 1 to 64").max(64, "expected a whole number of web processes from 1 to 64"))
    .optional(),
  /** Memory of each web process's page cache (lib/runtime/page-cache-handler.ts); 0 = off. */
  PAGE_CACHE_MB: wholeNumber({ min: 0, max: 65_536, default: 64, unit: "megabytes" }),
  /** How long a web process uses its last read of the content version for its page cache. */
  PAGE_CACHE_VERSION_CHECK_MS: wholeNumber({ min: 0, max: 3_600_000, default: 1000, unit: "milliseconds" }),
  /** X-Web-Process on every response (which web process answered). */
  WEB_PROCESS_HEADER: flag(false),
  PUBLIC_CACHE_MAX_AGE: wholeNumber({ min: 0, max: 31_536_000, default: 0, unit: "seconds" }),
  PUBLIC_CACHE_S_MAXAGE: wholeNumber({ min: 0, max: 31_536_000, default: 60, unit: "seconds" }),
  PUBLIC_CACHE_STALE_WHILE_REVALIDATE: wholeNumber({ min: 0, max: 31_536_000, default: 300, unit: "seconds" }),
  PUBLIC_VERSION_CHECK_MS: wholeNumber({ min: 0, max: 3_600_000, default: 0, unit: "milliseconds" }),
  SEARCH_CACHE: z.enum(["on", "off"], "expected on or off").default("on"),
  SCHEDULER_INTERVAL_MS: wholeNumber({ min: 100, max: 86_400_000, default: 15_000, unit: "milliseconds" }),
  DISABLE_SCHEDULER: flag(false),
  /** How often the scheduled job checks the external links of published items (spot-check 链接不可用); 0 = never. */
  EXTERNAL_LINK_CHECK_HOURS: wholeNumber({ min: 0, max: 8760, default: 0, unit: "hours" }),
  /** How long one external link may take to answer before it counts as unreachable. */
  EXTERNAL_LINK_TIMEOUT_MS: wholeNumber({ min: 100, max: 120_000, default: 10_000, unit: "milliseconds" }),
  /**
   * The mail server notifications are sent through (lib/notifications/send-email.ts), e.g.
   * smtp://user:password@mail.example.gov.cn:587 (smtps:// for TLS from the start); unset: no e-mail.
   */
  SMTP_URL: z
    .string()
    .refine(
      (value) => URL.canParse(value) && /^smtps?:$/.test(new URL(value).protocol),
      "expected an smtp:// or smtps:// address, e.g. smtp://user:password@mail.example.gov.cn:587",
    )
    .optional(),
  /** The sender of notification mails, e.g. "政务公开平台 <noreply@example.gov.cn>". */
  SMTP_FROM: z.string().optional(),
  /** Where uploaded files are stored (lib/storage/storage-settings.ts); unset: DATA_DIR/uploads. */
  STORAGE_URL: z
    .string()
    .optional()
    .superRefine((value, context) => {
      try {
        parseStorageUrl(value);
      } catch (error) {
        context.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
      }
    }),
  /** Both or neither (checked in parseConfig); never shown in a message. */
  STORAGE_ACCESS_KEY_ID: z.string().optional(),
  STORAGE_SECRET_ACCESS_KEY: z.string().optional(),
  PG_DUMP: z.string().optional(),
  PG_RESTORE: z.string().optional(),
  CLOCK_START_FOR_TESTS: z
    .string()
    .refine((value) => !Number.isNaN(new Date(value).getTime()), "expected an instant, e.g. 2026-12-02T10:00:00+08:00")
    .optional(),
});

export type Config = z.output<typeof configSchema>;
export type ConfigVariable = keyof typeof configSchema.shape;
export const CONFIG_VARIABLES = Object.keys(configSchema.shape) as ConfigVariable[];

type Environment = Record<string, string | undefined>;

/** A configuration that cannot be used; `problems` has one line per variable. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; value: string | undefined; message: string }[]) {
    super(
      [
        `The configuration is not valid (${problems.length === 1 ? "1 variable" : `${problems.length} variables`}):`,
        ...problems.map((problem) => `  ${problem.variable}=${JSON.stringify(problem.value ?? "")}: ${problem.message}`),
      ].join("\n"),
    );
    this.name = "ConfigError";
  }
}

/** Parses `environment` (any string map: tests pass plain objects); throws a ConfigError naming every bad variable. */
export function parseConfig(environment: Environment): Config {
  const input: Record<string, unknown> = {};
  for (const name of CONFIG_VARIABLES) input[name] = blankIsUnset(environment[name]);
  const parsed = configSchema.safeParse(input);
  if (parsed.success) {
    const problems = storageKeyProblems(parsed.data);
    if (problems.length) throw new ConfigError(problems.map((problem) => ({ ...problem, value: environment[problem.variable] })));
    return parsed.data;
  }
  const seen = new Set<string>();
  const problems = parsed.error.issues.flatMap((issue) => {
    const variable = String(issue.path[0] ?? "?");
    if (seen.has(variable)) return [];
    seen.add(variable);
    return [{ variable, value: environment[variable], message: issue.message }];
  });
  throw new ConfigError(problems);
}

/** The storage keys come as a pair, for an s3:// STORAGE_URL; reported against the variable that is missing, never a secret's value. */
function storageKeyProblems(config: Config): { variable: string; message: string }[] {
  const keys = [config.STORAGE_ACCESS_KEY_ID, config.STORAGE_SECRET_ACCESS_KEY].filter(Boolean).length;
  if (keys === 0) return [];
  if (keys === 1) {
    return [
      {
        variable: config.STORAGE_ACCESS_KEY_ID ? "STORAGE_SECRET_ACCESS_KEY" : "STORAGE_ACCESS_KEY_ID",
        message: "set both STORAGE_ACCESS_KEY_ID and STORAGE_SECRET_ACCESS_KEY, or neither (the AWS SDK's own credentials)",
      },
    ];
  }
  if (!config.STORAGE_URL) {
    return [
      {
        variable: "STORAGE_URL",
        message: "STORAGE_ACCESS_KEY_ID / STORAGE_SECRET_ACCESS_KEY are set, but no s3:// STORAGE_URL says which bucket they are for",
      },
    ];
  }
  return [];
}

const state = globalThis as unknown as { gongkaiConfig?: Config };

/** The configuration of this process, parsed from process.env on first use. */
export function readConfig(): Config {
  state.gongkaiConfig ??= parseConfig(process.env);
  return state.gongkaiConfig;
}

/**
 * Forgets the parsed configuration: the next read parses process.env again. For tests, and for
 * the scripts that set a variable themselves (DATABASE_URL of the embedded database) before they
 * run the product's code in their own process.
 */
export function resetConfig(): void {
  state.gongkaiConfig = undefined;
}

/**
 * Points this process (and the processes it starts) at a database: scripts that open the
 * embedded PostgreSQL set its address before they run the product's code.
 */
export function useDatabaseUrl(url: string): void {
  process.env.DATABASE_URL = url;
  resetConfig();
}

/** The configuration from `environment` when given (tests), otherwise this process's. */
export function configFrom(environment?: Environment): Config {
  return environment === undefined || environment === process.env ? readConfig() : parseConfig(environment);
}
