/**
 * `npm run test:unit`: the unit tests (no database, no server), TEST_CONCURRENCY files at once
 * (default 2). `npm run test:unit -- format dates` runs the files whose names contain "format" or
 * "dates"; `-- '!strings'` runs all but the strings catalogue.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { selectTestFiles } from "./test-files";

const selected = selectTestFiles(process.cwd(), "tests/unit", process.argv.slice(2));
const concurrency = Number.parseInt(process.env.TEST_CONCURRENCY ?? "2", 10);
if (!(concurrency >= 1)) {
  console.error(`TEST_CONCURRENCY must be a whole number of at least 1 (it is "${process.env.TEST_CONCURRENCY}").`);
  process.exit(1);
}
const child = spawn(
  process.execPath,
  ["--conditions=react-server", "--import", "tsx", "--test", `--test-concurrency=${concurrency}`, "--test-reporter=spec", ...selected],
  { stdio: "inherit", env: process.env },
);
const [code] = (await once(child, "exit")) as [number | null];
process.exit(code ?? 1);
