import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { OzClient } from '../../src/oz/client.ts';
import { ConversationWatcher } from '../../src/run/transcript.ts';

const BASE = 'https://oz.test/api/v1';
const client = () => new OzClient({ baseUrl: BASE, apiKey: 'wk-k', userAgent: 't', retry: { retries: 0 } });
const said = (text: string) => ({
  conversation_id: 'c1',
  steps: [{ id: 's1', messages: [{ role: 'assistant', content: [{ type: 'text', text }] }], steps: [] }],
});

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  vi.useRealTimers();
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe('live progress from the conversation', () => {
  it('reads first 15 s after the run is seen working, then once a minute', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 0 });
    const reads: number[] = [];
    nock(BASE)
      .get('/agent/runs/r1/conversation')
      .times(3)
      .reply(() => (reads.push(Date.now()), [200, said(`at ${Date.now()}`)]));
    const watcher = new ConversationWatcher(client(), 'r1', 60_000, () => {});
    for (const at of [0, 5_000, 14_999, 15_000, 20_000, 74_999, 75_000, 100_000, 135_000]) {
      vi.setSystemTime(at);
      await watcher.poll();
    }
    expect(reads).toEqual([15_000, 75_000, 135_000]);
  });

  it('keeps trying after a 404 (no conversation yet), and tells what comes once', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 0 });
    nock(BASE).get('/agent/runs/r1/conversation').reply(404, {}).get('/agent/runs/r1/conversation').times(2).reply(200, said('Done'));
    const watcher = new ConversationWatcher(client(), 'r1', 60_000, () => {});
    await watcher.poll();
    vi.setSystemTime(15_000);
    expect(await watcher.poll()).toEqual([]);
    vi.setSystemTime(75_000);
    expect((await watcher.poll()).map((i) => i.line)).toEqual(['says: Done']);
    expect(await watcher.poll(undefined, true)).toEqual([]);
  });
});
