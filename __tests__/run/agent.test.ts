import { mkdtempSync, readdirSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OzClient } from '../../src/oz/client.ts';
import type { Artifact } from '../../src/oz/types.ts';
import { safeRelativePath, saveArtifacts } from '../../src/run/artifacts.ts';
import { activity, describeAction, finalAnswer } from '../../src/run/transcript.ts';
import { extractJson, structuredOutput } from '../../src/run/structured.ts';
import { OzSimulator } from '../../sim/server.ts';

describe('safeRelativePath', () => {
  it.each([
    ['out/report.txt', 'out/report.txt'],
    ['../../etc/passwd', 'etc/passwd'],
    ['/abs/path.txt', 'abs/path.txt'],
    ['C:\\\\Windows\\\\evil.dll', 'C_/Windows/evil.dll'],
    ['a/./b/../c.txt', 'a/b/c.txt'],
    ['con.txt', '_con.txt'],
    ['..', undefined],
    ['', undefined],
  ])('%j -> %j', (name, expected) => {
    expect(safeRelativePath(name)).toBe(expected);
  });

  it('keeps each part of the path within 255 bytes of UTF-8, cut between characters, the extension kept', () => {
    const path = safeRelativePath(`${'目'.repeat(100)}/${'文'.repeat(96)}.txt`)!;
    const [dir, file] = path.split('/');
    expect(dir).toBe('目'.repeat(81));
    expect(file).toBe(`${'文'.repeat(80)}.txt`);
    for (const part of [dir!, file!]) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(255 - 10);
    expect(safeRelativePath(`${'a'.repeat(300)}😀.png`)).toBe(`${'a'.repeat(241)}.png`);
  });
});

describe('conversations', () => {
  const conversation = {
    steps: [
      {
        id: 's1',
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'Fix it' }] },
          {
            role: 'assistant',
            content: [{ type: 'action', id: 'a1', category: 'command', name: 'run_command', input: { command: 'npm test' } }],
          },
          { role: 'assistant', content: [{ type: 'text', text: 'First answer' }] },
        ],
        steps: [
          {
            id: 's1.1',
            messages: [
              {
                role: 'assistant',
                content: [
                  {
                    type: 'action',
                    id: 'a2',
                    category: 'files',
                    name: 'edit_files',
                    input: { files: [{ path: 'src/a.ts' }, { path: 'src/b.ts' }] },
                  },
                ],
              },
            ],
            steps: [],
          },
        ],
      },
      {
        id: 's2',
        messages: [
          { role: 'assistant', content: [{ type: 'text', text: 'Final\nanswer' }] },
          { role: 'tool', content: [] },
        ],
        steps: [],
      },
    ],
  };

  it('takes the final answer from the last assistant message of the last root step', () => {
    expect(finalAnswer(conversation)).toBe('Final\nanswer');
    expect(finalAnswer({ steps: [] })).toBe('');
    expect(finalAnswer(undefined)).toBe('');
  });

  it('lists what the agent did, nested steps included, one line each', () => {
    expect(activity(conversation).map((i) => i.line)).toEqual([
      'command: npm test',
      'says: First answer',
      'edit_files: src/a.ts, src/b.ts',
      'says: Final',
    ]);
    expect(describeAction({ type: 'action', category: 'search', name: 'grep', input: { query: 'flaky' } })).toBe('grep: flaky');
  });
});

describe('structured output', () => {
  it('takes the last fenced json block', () => {
    expect(extractJson('a\n```json\n{"x":1}\n```\nb\n```json\n{"x":2}\n```')).toEqual({ ok: true, value: { x: 2 } });
    expect(extractJson('no block')).toMatchObject({ ok: false });
    const broken = extractJson('```json\n{nope}\n```');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.error).toContain('not valid JSON');
  });

  it('validates it against the schema, with paths in the errors', async () => {
    const schema = { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } };
    await expect(structuredOutput('```json\n{"n": 3}\n```', schema)).resolves.toEqual({ ok: true, value: { n: 3 } });
    await expect(structuredOutput('```json\n{"n": "x"}\n```', schema)).resolves.toEqual({ ok: false, errors: ['/n: must be integer'] });
    const draft2020 = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'array', prefixItems: [{ type: 'string' }] };
    await expect(structuredOutput('```json\n[1]\n```', draft2020)).resolves.toEqual({ ok: false, errors: ['/0: must be string'] });
  });
});

describe('saveArtifacts', () => {
  const sim = new OzSimulator({ msPerSecond: 1, phases: { queued: 0, pending: 0, claimed: 0, inprogress: 0 } });
  let client: OzClient;
  beforeAll(async () => {
    const url = await sim.start();
    client = new OzClient({ baseUrl: url, apiKey: 'wk-t', userAgent: 't', retry: { retries: 0 } });
  });
  afterAll(() => sim.stop());

  async function runWith(metadata: Record<string, string>): Promise<Artifact[]> {
    // The simulator's clock is Date's: a moment later on a fake one, the run (no phases) has ended with its files.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const { run_id } = await client.createRunOnce({ prompt: 'p', metadata });
      vi.advanceTimersByTime(20);
      return (await client.getRun(run_id)).artifacts ?? [];
    } finally {
      vi.useRealTimers();
    }
  }

  it('keeps to the per-file cap, and never writes through a symlink out of the folder', async () => {
    const artifacts = await runWith({ sim_files: '2', sim_file_bytes: '500' });
    const folder = mkdtempSync(join(tmpdir(), 'oz-save-'));
    const outside = mkdtempSync(join(tmpdir(), 'oz-outside-'));
    mkdirSync(join(folder, 'sub'));
    symlinkSync(outside, join(folder, 'out'));
    const warnings: string[] = [];
    const written = await saveArtifacts(client, artifacts, folder, { userAgent: 't', maxFileBytes: 200, warn: (m) => warnings.push(m) });
    expect(written.map((f) => f.slice(folder.length + 1))).toEqual(['plans/Fix the flaky test.md']);
    expect(warnings).toEqual([
      expect.stringContaining('Did not save the file out/report-0.txt: 500 bytes is over the cap'),
      expect.stringContaining('Did not save the file out/report-1.txt: 500 bytes is over the cap'),
    ]);
    const again = await saveArtifacts(client, artifacts, folder, { userAgent: 't', warn: (m) => warnings.push(m) });
    expect(again.some((f) => f.includes('out/'))).toBe(false);
    expect(warnings.at(-1)).toContain('would land outside the folder');
    expect(readdirSync(outside)).toEqual([]);
    // A second save never overwrites: the plan gets a new name.
    expect(again.map((f) => f.slice(folder.length + 1))).toContain('plans/Fix the flaky test (2).md');
  });

  it('keeps to the total cap', async () => {
    const artifacts = await runWith({ sim_files: '3', sim_file_bytes: '30' });
    const folder = mkdtempSync(join(tmpdir(), 'oz-total-'));
    const warnings: string[] = [];
    const written = await saveArtifacts(
      client,
      artifacts.filter((a) => a.artifact_type === 'FILE'),
      folder,
      {
        userAgent: 't',
        maxTotalBytes: 70,
        warn: (m) => warnings.push(m),
      },
    );
    expect(written).toHaveLength(2);
    expect(warnings).toEqual([expect.stringContaining('over the cap (10 bytes left)')]);
  });
});
