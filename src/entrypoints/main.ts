import { run } from '../main.ts';
import { harnessTimings } from './harness.ts';

// The bundle entry of the main step (action.yml runs.main).
// Exit when done: a socket or timer some library left behind must not hold the job open.
void run(harnessTimings(process.argv.slice(2), ['progressIntervalMs', 'githubRequestTimeoutMs'])).finally(() => process.exit());
