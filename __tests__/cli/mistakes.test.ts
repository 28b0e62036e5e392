/**
 * Mistakes caught before the run, in the CLI's words: the committed dist/cli/index.js against the simulator.
 * Each bad setting exits 2, names the flag, quotes the value, says the expected form, and sends nothing.
 */
import { createServer } from 'node:net';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliBundle } from '../helpers/cli.ts';
import { useSimulator } from '../helpers/simulator.ts';

const sim = useSimulator();
const fast = ['--poll-interval-seconds', '0.05', '--max-poll-interval-seconds', '0.2'];

describe('oz-agent-run refuses mistakes before any request', () => {
  it.each([
    [['--promt', 'hi'], "oz-agent-run: Unknown flag '--promt'. Did you mean --prompt? See oz-agent-run --help.\n"],
    [
      ['--prompt', 'p', '--timeout-minutes', '-1'],
      "oz-agent-run: Invalid --timeout-minutes '-1'. Expected a positive number such as 5 or 0.5.\n",
    ],
    [['--prompt', 'p', '--mode', 'fast'], "oz-agent-run: Invalid --mode 'fast'. Expected one of normal, plan or orchestrate.\n"],
    [['--prompt', 'p', '--json=yes'], 'oz-agent-run: The flag --json takes no value: write --json alone. See oz-agent-run --help.\n'],
    [
      ['--prompt', '--json'],
      "oz-agent-run: The flag --prompt needs a value, and what follows it is a flag. For a value that starts with '-', write --prompt=VALUE. See oz-agent-run --help.\n",
    ],
    [
      ['--prompt', 'p', '--output-schema', '{"type":"objekt"}'],
      'oz-agent-run: Invalid --output-schema \'{"type":"objekt"}\': it is not a valid JSON Schema (/type is "objekt"; it must be one of array, boolean, integer, null, number, object, string). Expected a JSON Schema object such as {"type": "object", "properties": {"ok": {"type": "boolean"}}}.\n',
    ],
    [
      ['--prompt', 'p', ...Array.from({ length: 25 }, (_, i) => ['--metadata', `k${i}=v`]).flat()],
      'oz-agent-run: Invalid --metadata: 25 keys (k0, k1, k2, k3, k4, ...). Expected at most 19 keys: the API takes 20, and one carries the request id that keeps a retried create from starting a second agent.\n',
    ],
  ])('%j', async (args, message) => {
    const result = await runCliBundle(sim, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(message);
    expect(sim.requests).toHaveLength(0);
  });

  it('checks that --summary-file and --output-file can be written before the run, naming the path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oz-report-paths-'));
    const summary = await runCliBundle(sim, ['--prompt', 'p', '--summary-file', '/no/such/dir/x.md', '--output-file', join(dir, 'oz.env')]);
    expect(summary.code).toBe(2);
    expect(summary.stderr).toBe(
      "oz-agent-run: Invalid --summary-file '/no/such/dir/x.md': its folder '/no/such/dir' does not exist. Expected the path of a file that can be written.\n",
    );
    const output = await runCliBundle(sim, ['--prompt', 'p', '--summary-file', join(dir, 'ok.md'), '--output-file', dir]);
    expect(output.code).toBe(2);
    expect(output.stderr).toContain(`Invalid --output-file '${dir}': '${dir}' is a folder.`);
    expect(sim.requests).toHaveLength(0);
  });

  it('says the real reason a --prompt-file cannot be read, and reads one anywhere by an absolute path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oz-prompt-file-'));
    mkdirSync(join(dir, 'ws'));
    writeFileSync(join(dir, 'outside.md'), 'Fix the outside bug\n');
    const missing = await runCliBundle(sim, ['--prompt-file', '../../nowhere/prompt.md'], {}, join(dir, 'ws'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      `Invalid --prompt-file '../../nowhere/prompt.md': there is no file at '${join(dir, '..', 'nowhere', 'prompt.md')}' (a relative path is taken from the workspace, '${join(dir, 'ws')}'). Expected the path of a readable file, relative to the workspace or absolute.`,
    );
    const folder = await runCliBundle(sim, ['--prompt-file', dir]);
    expect(folder.stderr).toContain(`Invalid --prompt-file '${dir}': '${dir}' is a folder, not a file.`);
    expect(sim.requests).toHaveLength(0);

    const outside = await runCliBundle(sim, ['--prompt-file', '../outside.md', ...fast], {}, join(dir, 'ws'));
    expect(outside.code).toBe(0);
    expect(sim.apiRequests('POST', '/agent/runs')[0]!.body).toMatchObject({ prompt: 'Fix the outside bug\n' });
  });

  it('says a --run-id that does not exist was not found, exits 2, and cancels nothing', async () => {
    const result = await runCliBundle(sim, ['--run-id', 'does-not-exist', ...fast]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Oz run 'does-not-exist' was not found: check --run-id");
    // In the CLI's words: its own run_id output, of the command that started the run (no workflow step).
    expect(result.stderr).toContain('(the run_id output of the command that started it)');
    expect(result.stderr).not.toMatch(/\bstep\b/);
    expect(result.stderr).not.toMatch(/cancel Oz run|keep running/);
    expect(sim.apiRequests('POST')).toHaveLength(0);
  });

  it('gives a refused connection a hint, and gives up after three quick tries', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const result = await runCliBundle(sim, ['--prompt', 'p'], { OZ_API_BASE_URL: `http://127.0.0.1:${port}/api/v1` });
    expect(result.code).toBe(2);
    expect(result.stderr.match(/try \d failed/g)).toEqual(['try 1 failed', 'try 2 failed']);
    expect(result.stderr).toContain(
      `Nothing accepts connections at 127.0.0.1:${port}: check the API base URL (http://127.0.0.1:${port}/api/v1), and that the server there is running.`,
    );
  });

  it('with --output-schema and no --title, titles the run from the prompt, not from the schema instruction', async () => {
    const result = await runCliBundle(sim, [
      '--prompt',
      'Count the TODOs\nin src/, please',
      '--output-schema',
      '{"type":"object"}',
      '--metadata',
      'sim_answer_json={"todos": 3}',
      ...fast,
    ]);
    expect(result.code).toBe(0);
    const body = sim.apiRequests('POST', '/agent/runs')[0]!.body as { title: string; prompt: string };
    expect(body.title).toBe('Count the TODOs');
    expect(body.prompt).toContain('JSON Schema');
    expect(result.stderr).toMatch(/\] [A-Z]+: Count the TODOs\n/);
  });
});
