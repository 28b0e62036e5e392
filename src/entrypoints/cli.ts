#!/usr/bin/env node
import { runCli } from '../cli/main.ts';

// The CLI's bundle entry. Exit as soon as the work is done: nothing left behind may hold the process open.
runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`oz-agent-run: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
