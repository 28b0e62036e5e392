import type { Restart } from './run.ts';

/** Why a thread's request went to a new run, in a sentence for the log and the thread (`detail` is the API's text). */
export function describeRestart(why: Restart): string {
  const fresh = 'so this request went to a new run, which does not know the earlier requests';
  switch (why.reason) {
    case 'gone':
      return `This thread's Oz run ${why.from} can no longer be read (${why.detail}): it may be past retention, or belong to another team's key; ${fresh}.`;
    case 'session-gone':
      return `This thread's Oz run ${why.from} no longer keeps its session (${why.detail}); ${fresh}.`;
    case 'debug-window':
      return `This thread's Oz run ${why.from} failed while setting up its environment (${why.detail}); its session is kept only for debugging, where a request would get a debug agent and never an end; ${fresh}.`;
    case 'not-this-thread':
      return `The conversation named Oz run ${why.from}, which is not this thread's (${why.detail}); nothing was sent to it, ${fresh}.`;
  }
}
