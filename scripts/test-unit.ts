/**
 * `npm run test:unit`: the unit tests (no database, no server), TEST_CONCURRENCY files at once
 * (default 2). `npm run test:unit -- format dates` runs the files whose names contain "format" or
 * "dates"; `-- '!strings'` runs all but the strings catalogue.
 */
import { runTestFiles, selectTestFiles, testConcurrency } from "./test-files";

const selected = selectTestFiles(process.cwd(), "tests/unit", process.argv.slice(2));
process.exit(await runTestFiles(selected, testConcurrency()));
