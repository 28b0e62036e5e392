import { run } from '../post.ts';

// The bundle entry of the post step (action.yml runs.post). Exit 0 whatever happened: cleanup never
// fails the job, and nothing left behind may hold it open.
void run().finally(() => process.exit(0));
