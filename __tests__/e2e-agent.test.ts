/**
 * What the agent did, end to end on the committed dist/ against the simulator: the answer, the
 * structured output, the files, and live progress.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSimulator } from './helpers/simulator.ts';
import { runStep } from '../sim/runner.ts';

const sim = useSimulator();

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    warp_api_key: 'wk-e2e-agent',
    prompt: 'Review the pull request',
    title: 'Review',
    api_base_url: sim.url,
    poll_interval_seconds: '0.05',
    max_poll_interval_seconds: '0.2',
    ...extra,
  };
}

const VERDICT = JSON.stringify({
  type: 'object',
  required: ['verdict', 'issues'],
  properties: { verdict: { enum: ['approve', 'request_changes'] }, issues: { type: 'integer', minimum: 0 } },
});

describe('output_schema', () => {
  it('asks for a JSON block, then sets structured_output from the final answer', async () => {
    const main = await runStep({
      inputs: inputs({ output_schema: VERDICT, metadata: 'sim_answer_json={"verdict":"approve","issues":0}' }),
    });
    expect(main.code).toBe(0);
    expect(main.outputs.structured_output).toBe('{"verdict":"approve","issues":0}');
    expect(main.outputs.agent_output).toContain('```json\n{"verdict":"approve","issues":0}\n```');
    const prompt = (sim.apiRequests('POST', '/agent/runs')[0]!.body as { prompt: string }).prompt;
    expect(prompt).toMatch(/^Review the pull request\n\n---\nWhen you have finished, end your final answer with one JSON object/);
    expect(prompt).toContain('"required": [\n    "verdict",');
  });

  it('fails the step with the validation errors, even though the run SUCCEEDED', async () => {
    const main = await runStep({ inputs: inputs({ output_schema: VERDICT, metadata: 'sim_answer_json={"verdict":"lgtm"}' }) });
    expect(main.code).toBe(1);
    expect(main.outputs.state).toBe('SUCCEEDED');
    expect(main.outputs.structured_output).toBe('');
    expect(main.log).toContain("(the object): must have required property 'issues'");
    expect(main.log).toContain('/verdict: must be equal to one of the allowed values');
    expect(main.summary).toContain('## ⚠️ Oz agent run succeeded, but its structured output is missing or invalid');
  });

  it('fails the step when the answer has no JSON block', async () => {
    const main = await runStep({ inputs: inputs({ output_schema: VERDICT }) });
    expect(main.code).toBe(1);
    expect(main.log).toContain('the final answer has no fenced ```json block');
  });

  it('refuses a schema that is not one, before any request', async () => {
    const main = await runStep({ inputs: inputs({ output_schema: '{"type": "no-such-type"}' }) });
    expect(main.code).toBe(1);
    expect(main.log).toContain(
      `Invalid output_schema '{"type":"no-such-type"}': it is not a valid JSON Schema (/type is "no-such-type"; it must be one of array`,
    );
    expect(sim.requests).toEqual([]);
  });
});

describe('artifacts_path', () => {
  it('downloads files and screenshots without the key, saves plans as markdown, and lists them', async () => {
    const main = await runStep({ inputs: inputs({ artifacts_path: 'oz-artifacts', metadata: 'sim_files=2\nsim_screenshots=1' }) });
    expect(main.code).toBe(0);
    const files = JSON.parse(main.outputs.downloaded_files!) as string[];
    expect(files.filter((f) => !f.includes('/screenshots/')).sort()).toEqual([
      'oz-artifacts/out/report-0.txt',
      'oz-artifacts/out/report-1.txt',
      'oz-artifacts/plans/Fix the flaky test.md',
    ]);
    expect(files.filter((f) => f.includes('/screenshots/'))).toEqual([expect.stringMatching(/^oz-artifacts\/screenshots\/.+\.png$/)]);
    const downloads = sim.requests.filter((r) => r.path.startsWith('/__download/'));
    expect(downloads).toHaveLength(3);
    expect(downloads.every((r) => r.headers.authorization === undefined && r.answer === 200)).toBe(true);
    expect(main.summary).toContain('### Files saved\n\n- `oz-artifacts/plans/Fix the flaky test.md`\n- `oz-artifacts/out/report-0.txt`');
  });

  it('keeps every file inside the folder, whatever path the agent chose', async () => {
    const main = await runStep({
      inputs: inputs({ artifacts_path: 'oz-artifacts', metadata: 'sim_files=1\nsim_file_path=../../../escape.txt' }),
    });
    expect(main.code).toBe(0);
    expect(JSON.parse(main.outputs.downloaded_files!)).toContain('oz-artifacts/escape.txt');
  });

  it('warns, and does not fail the step, when a download URL has expired', async () => {
    const main = await runStep({ inputs: inputs({ artifacts_path: 'oz-artifacts', metadata: 'sim_files=1\nsim_url_ttl_ms=-1' }) });
    expect(main.code).toBe(0);
    expect(main.log).toMatch(/::warning::Could not save the file out\/report-0.txt: the download URL answered 403 \(it may have expired\)/);
    expect(JSON.parse(main.outputs.downloaded_files!)).toEqual(['oz-artifacts/plans/Fix the flaky test.md']);
  });
});

describe("the agent's answer and progress", () => {
  it('sets agent_output when the run failed too', async () => {
    const main = await runStep({ inputs: inputs({ metadata: 'sim_outcome=failed' }) });
    expect(main.code).toBe(1);
    expect(main.outputs.agent_output).toBe('I could not finish: the environment failed to set up (`npm ci` exited 1).');
  });

  it('leaves agent_output empty, quietly, when the run has no conversation', async () => {
    const main = await runStep({ inputs: inputs({ metadata: 'sim_conversation=none' }) });
    expect(main.code).toBe(0);
    expect(main.outputs.agent_output).toBe('');
    expect(main.log).not.toContain('::warning::');
  });

  it('prints no progress with log_progress: false', async () => {
    const main = await runStep({ inputs: inputs({ log_progress: 'false' }) });
    expect(main.code).toBe(0);
    expect(main.log).not.toContain('command: npm test');
    expect(main.outputs.agent_output).not.toBe('');
  });
});

describe('the CLI', () => {
  it('takes --output-schema and --artifacts-path, and prints what the agent did', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const dir = mkdtempSync(join(tmpdir(), 'oz-cli-agent-'));
    // Asynchronously: the simulator answers from this process.
    const result = await promisify(execFile)(
      process.execPath,
      [
        join(import.meta.dirname, '..', 'dist', 'cli', 'index.js'),
        '--prompt',
        'Review',
        '--output-schema',
        VERDICT,
        '--artifacts-path',
        'saved',
        '--metadata',
        'sim_answer_json={"verdict":"request_changes","issues":2}',
        '--metadata',
        'sim_files=1',
        '--json',
        '--poll-interval-seconds',
        '0.05',
      ],
      { cwd: dir, env: { PATH: process.env.PATH ?? '', WARP_API_KEY: 'wk-cli', OZ_API_BASE_URL: sim.url }, encoding: 'utf8' },
    );
    // --json is typed: the object and the list are JSON values, not text holding JSON.
    const outputs = JSON.parse(result.stdout) as { structured_output: unknown; downloaded_files: string[] };
    expect(outputs.structured_output).toEqual({ verdict: 'request_changes', issues: 2 });
    expect(outputs.downloaded_files).toContain('saved/out/report-0.txt');
    expect(existsSync(join(dir, 'saved', 'out', 'report-0.txt'))).toBe(true);
    expect(readdirSync(join(dir, 'saved', 'plans'))).toEqual(['Fix the flaky test.md']);
    expect(readFileSync(join(dir, 'saved', 'plans', 'Fix the flaky test.md'), 'utf8')).toContain('# Fix the flaky test');
    expect(result.stderr).toMatch(/\] command: npm test/);
  });
});
