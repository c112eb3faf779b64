// The part of autocannon's API the bench uses (the package ships no types).
declare module "autocannon" {
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    /** Seconds before a request without an answer counts as a time-out (default 10). */
    timeout?: number;
    headers?: Record<string, string>;
    requests?: { method?: string; path?: string; headers?: Record<string, string> }[];
  };
  type Result = { requests: { total: number }; errors: number; timeouts: number; non2xx: number };
  type Instance = Promise<Result> & {
    on(event: "response", listener: (client: unknown, status: number, bytes: number, responseTime: number) => void): void;
    on(event: "reqError", listener: (error: Error) => void): void;
  };
  export default function autocannon(options: Options): Instance;
}
