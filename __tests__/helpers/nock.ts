import nock from 'nock';
import { afterEach, beforeAll, beforeEach } from 'vitest';

/** A connection reset, as nock 15 emits it (it ignores errors given as plain objects). */
export const connectionReset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

/**
 * A run with no conversation yet (404), for step tests that are not about what the agent said: the
 * step reads the conversation after the run and, with log_progress, while it works.
 */
export function noConversation(base: string): void {
  nock(base)
    .persist()
    .get(/\/agent\/runs\/[^/]+\/conversation$/)
    .reply(404, { type: 'https://docs.warp.dev/errors/resource-not-found/', title: 'Not Found', status: 404 });
}

/**
 * For tests of a whole step: real network off, mocks and the exit code cleared after each test, and a
 * list of requests that matched no mock (a step must send none it was not expected to).
 */
export function isolateSteps(): { unmatched: () => string[] } {
  let unmatched: string[] = [];
  beforeAll(() => {
    nock.disableNetConnect();
    nock.emitter.on('no match', (req: { method?: string; path?: string }) => unmatched.push(`${req.method} ${req.path}`));
  });
  beforeEach(() => {
    unmatched = [];
  });
  afterEach(() => {
    nock.cleanAll();
    process.exitCode = undefined;
  });
  return { unmatched: () => unmatched };
}
