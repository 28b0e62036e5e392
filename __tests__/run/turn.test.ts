import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OzClient } from '../../src/oz/client.ts';
import type { Artifact, RunItem } from '../../src/oz/types.ts';
import { startAndWatch } from '../../src/run/lifecycle.ts';
import type { RunPlan } from '../../src/run/plan.ts';
import type { RunSettings } from '../../src/settings/settings.ts';
import { artifactKey, artifactsBesides, artifactsOfTurn } from '../../src/run/turn.ts';

const BASE = 'https://oz.test/api/v1';
const client = () => new OzClient({ baseUrl: BASE, apiKey: 'wk-k', userAgent: 't', retry: { retries: 1, minDelayMs: 1, maxDelayMs: 2 } });
const events = { notice: () => {}, warning: () => {} };

const PR: Artifact = {
  artifact_type: 'PULL_REQUEST',
  created_at: '2026-11-29T10:01:00Z',
  data: { url: 'https://github.com/acme/widgets/pull/42', branch: 'oz/fix' },
};
const file = (uid: string, created_at = '2026-11-29T10:01:00Z'): Artifact => ({
  artifact_type: 'FILE',
  created_at,
  data: { artifact_uid: uid, filename: `${uid}.txt`, filepath: `out/${uid}.txt`, size_bytes: 5 },
});
const run = (state: string, updated_at: string, artifacts: Artifact[]): RunItem => ({ run_id: 'r1', state, updated_at, artifacts });

describe('artifactKey', () => {
  it('names an artifact by its uid or URL, not by when it was listed or its other fields', () => {
    expect(artifactKey(file('f1'))).toBe(artifactKey({ ...file('f1', '2030-01-01T00:00:00Z'), data: { artifact_uid: 'f1' } }));
    expect(artifactKey(PR)).toBe(artifactKey({ ...PR, created_at: '2026-11-29T11:00:00Z', data: { ...PR.data, branch: 'other' } }));
    expect(artifactKey(file('f1'))).not.toBe(artifactKey(file('f2')));
    const plan = { artifact_type: 'PLAN', data: { document_uid: 'doc-1', title: 'Plan' } };
    expect(artifactKey(plan)).toBe(artifactKey({ ...plan, data: { document_uid: 'doc-1', title: 'Plan, revised' } }));
    // Without a uid or URL, the whole content decides.
    expect(artifactKey({ artifact_type: 'X', data: { a: 1 } })).not.toBe(artifactKey({ artifact_type: 'X', data: { a: 2 } }));
  });
});

describe('artifactsOfTurn', () => {
  it('keeps every artifact of a new run, and on a follow-up only those the run did not have before it', () => {
    const before = run('SUCCEEDED', '2026-11-29T10:02:00Z', [PR, file('f1')]);
    const after = run('SUCCEEDED', '2026-11-29T10:09:00Z', [PR, file('f1'), file('f2')]);
    expect(artifactsOfTurn(after, undefined)).toEqual({ artifacts: after.artifacts, earlier: [] });
    expect(artifactsOfTurn(after, before)).toEqual({ artifacts: [file('f2')], earlier: [PR, file('f1')] });
  });

  it('does not take an earlier pull request for a new one when the follow-up lists it again (a push to it)', () => {
    const before = run('SUCCEEDED', '2026-11-29T10:02:00Z', [PR]);
    const pushed = { ...PR, created_at: '2026-11-29T10:08:00Z' };
    expect(artifactsOfTurn(run('SUCCEEDED', '2026-11-29T10:09:00Z', [PR, pushed]), before).artifacts).toEqual([]);
  });

  it('does not trust created_at: an earlier artifact stamped later by the server is still earlier', () => {
    // The server's clock says nothing about the runner's: only what the run listed before decides.
    const before = run('SUCCEEDED', '2026-11-29T10:02:00Z', [file('f1', '2099-01-01T00:00:00Z')]);
    const after = run('SUCCEEDED', '2026-11-29T10:09:00Z', [file('f1', '2099-01-01T00:00:00Z'), file('f2', '2000-01-01T00:00:00Z')]);
    expect(artifactsOfTurn(after, before).artifacts.map((a) => a.data?.artifact_uid)).toEqual(['f2']);
  });
});

describe('artifactsBesides', () => {
  it('splits the run by the saved keys of what it had before the follow-up', () => {
    const after = run('CANCELLED', '2026-11-29T10:09:00Z', [PR, file('f1'), file('f2')]);
    expect(artifactsBesides(after, [artifactKey(PR), artifactKey(file('f1'))])).toEqual({
      artifacts: [file('f2')],
      earlier: [PR, file('f1')],
    });
    expect(artifactsBesides(after, [])).toEqual({ artifacts: after.artifacts, earlier: [] });
  });
});

describe('a follow-up, through the lifecycle', () => {
  const OLD = '2026-11-29T10:02:00Z';
  const NEW = '2026-11-29T10:09:00Z';
  const settings = (artifactsPath?: string): RunSettings => ({
    apiKey: 'wk-k',
    apiBaseUrl: BASE,
    runId: 'r1',
    followup: 'And the docs',
    wait: true,
    timeoutMs: 10_000,
    pollIntervalMs: 1,
    maxPollIntervalMs: 2,
    cancelOnAbort: true,
    userMetadata: {},
    logProgress: false,
    ...(artifactsPath !== undefined && { artifactsPath }),
  });
  const plan = (artifactsPath?: string): RunPlan => ({
    settings: settings(artifactsPath),
    target: { kind: 'follow-up', runId: 'r1', message: 'And the docs' },
  });

  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    expect(nock.pendingMocks()).toEqual([]);
    nock.cleanAll();
  });

  it("reports and saves only the follow-up's own artifacts, the earlier ones apart", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'oz-turn-'));
    nock(BASE)
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED', OLD, [PR, file('f1')]))
      .post('/agent/runs/r1/followups')
      .reply(200, {})
      .get('/agent/runs/r1')
      .reply(200, run('INPROGRESS', NEW, [PR, file('f1')]))
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED', NEW, [PR, file('f1'), file('f2')]))
      .get('/agent/runs/r1/conversation')
      .times(2)
      .reply(404, {})
      .get('/agent/artifacts/f2')
      .reply(200, { artifact_uid: 'f2', artifact_type: 'FILE', data: { download_url: 'https://files.test/f2', filepath: 'out/f2.txt' } });
    nock('https://files.test').get('/f2').reply(200, 'two\n');
    const result = await startAndWatch(client(), plan(folder), {}, new AbortController().signal, events, {
      artifactGraceMs: 0,
      workspace: folder,
    });
    expect(result.artifacts).toEqual([file('f2')]);
    expect(result.earlierArtifacts).toEqual([PR, file('f1')]);
    expect(result.downloadedFiles).toEqual(['out/f2.txt']);
    expect(readdirSync(join(folder, 'out'))).toEqual(['f2.txt']);
    expect(readFileSync(join(folder, 'out/f2.txt'), 'utf8')).toBe('two\n');
  });

  it("waits the artifacts' grace for its own, though earlier turns' are already listed", async () => {
    nock(BASE)
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED', OLD, [PR]))
      .post('/agent/runs/r1/followups')
      .reply(200, {})
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED', NEW, [PR]))
      .get('/agent/runs/r1')
      .reply(200, run('SUCCEEDED', NEW, [PR, file('f2')]))
      .get('/agent/runs/r1/conversation')
      .times(2)
      .reply(404, {});
    const result = await startAndWatch(client(), plan(), {}, new AbortController().signal, events, { artifactGraceMs: 30 });
    expect(result.artifacts).toEqual([file('f2')]);
    expect(result.earlierArtifacts).toEqual([PR]);
  });
});
