import { run } from '../post.ts';
import { harnessTimings } from './harness.ts';

// The bundle entry of the post step (action.yml runs.post). Exit 0 whatever happened: cleanup never
// fails the job, and nothing left behind may hold it open.
void run(harnessTimings(process.argv.slice(2), ['budgetMs', 'githubRequestTimeoutMs'])).finally(() => process.exit(0));
