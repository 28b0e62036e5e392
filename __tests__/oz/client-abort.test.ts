/**
 * Every request of the client has a deadline of its own and is aborted in flight: against a real
 * socket (the simulator), since what matters is that a hung connection lets go.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OzClient } from '../../src/oz/client.ts';
import { download } from '../../src/oz/download.ts';
import { StopSignal } from '../../src/run/stop.ts';
import { deadlinesOnFakeClock } from '../helpers/clock.ts';
import { useSimulator } from '../helpers/simulator.ts';
import { open } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sim = useSimulator();
const client = () =>
  new OzClient({
    baseUrl: sim.url,
    apiKey: 'wk-abort',
    userAgent: 'test',
    retry: { retries: 3, minDelayMs: 5, maxDelayMs: 10 },
    // An hour, past the test's timeout: a hung request that only its own deadline let go fails the test.
    requestTimeoutMs: 3_600_000,
  });

/** Resolves once the simulator holds a hung request whose path ends with `suffix`: when it sees it, not by polling. */
function hung(suffix: string): Promise<void> {
  return sim.waitFor((requests) => requests.some((r) => r.answer === 'hang' && r.path.endsWith(suffix)));
}
afterEach(() => {
  vi.useRealTimers();
});

describe('requests in flight', () => {
  it('are aborted by the stop signal, rejecting with its reason, however long their own deadline', async () => {
    sim.inject({ method: 'GET', suffix: '/conversation', kind: 'hang', count: 10 });
    const stop = new AbortController();
    const read = client().getConversation('run-x', stop.signal);
    await hung('/conversation');
    stop.abort(new StopSignal('cancelled'));
    await expect(read).rejects.toMatchObject({ name: 'StopSignal', reason: 'cancelled' });
    // Aborted, not retried: the one hung request is all the server saw.
    expect(sim.apiRequests('GET').length).toBe(1);
  });

  it('end at their own deadline, without retries when the call asks for none', async () => {
    // The deadline on the fake clock (the simulator's sockets keep Node's own timers): it passes when
    // the test moves the clock on, once the request hangs, with no real wait.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    deadlinesOnFakeClock();
    sim.inject({ method: 'GET', suffix: '/conversation', kind: 'hang', count: 10 });
    const read = client()
      .getConversation('run-x', undefined, { timeoutMs: 200, retries: 0 })
      .catch((e: unknown) => e);
    await hung('/conversation');
    await vi.advanceTimersByTimeAsync(200);
    const error = (await read) as Error & { code?: string };
    expect(error).toMatchObject({ name: 'OzNetworkError', code: 'oz-network', networkCode: 'ETIMEDOUT' });
    expect(error.message).toContain('no answer within 0.2 s');
    expect(sim.apiRequests('GET').length).toBe(1);
  });

  it('include downloads: a stalled body is let go when the stop comes', async () => {
    // The simulator's clock is Date's: faked, so the run has ended once the test moves it a minute on
    // (1200 ms at 20 ms a simulated second), with no real wait.
    vi.useFakeTimers({ toFake: ['Date'] });
    const run = await client().createRunOnce({ prompt: 'p', metadata: { sim_files: '1', sim_file_bytes: '5000' } });
    vi.advanceTimersByTime(1200);
    const item = await client().getRun(run.run_id);
    expect(item.state).toBe('SUCCEEDED');
    const uid = (item.artifacts!.find((a) => a.artifact_type === 'FILE')!.data as { artifact_uid: string }).artifact_uid;
    const detail = await client().getArtifact(uid);
    sim.inject({ path: '/__download', kind: 'hang' });
    const file = await open(join(mkdtempSync(join(tmpdir(), 'oz-abort-')), 'f'), 'w');
    const stop = new AbortController();
    const fetching = download(detail.data.download_url as string, file, 1_000_000, 'test', stop.signal);
    await hung('');
    stop.abort(new StopSignal('cancelled'));
    await expect(fetching).rejects.toMatchObject({ name: 'DownloadError', message: 'the download was stopped' });
    await file.close();
  });
});
