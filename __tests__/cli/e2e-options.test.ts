/**
 * The CLI's flags for the official action's inputs and the API's run options: the committed
 * dist/cli/index.js against the simulator.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSimulator } from '../helpers/simulator.ts';
import { ROOT } from '../../sim/runner.ts';

const CLI = join(ROOT, 'dist', 'cli', 'index.js');
const KEY = 'wk-cli-options-key';
const sim = useSimulator();

function cli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', WARP_API_KEY: KEY, OZ_API_BASE_URL: sim.url, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const fast = ['--prompt', 'Fix the flaky test', '--poll-interval-seconds', '0.05', '--max-poll-interval-seconds', '0.2'];

describe('oz-agent-run, official and run options', () => {
  it('--debug logs every request to stderr, never the key', async () => {
    const result = await cli([...fast, '--debug']);
    expect(result.code).toBe(0);
    const lines = result.stderr.split('\n').filter((l) => l.startsWith('debug: Oz API: '));
    expect(lines).toHaveLength(sim.apiRequests().length);
    expect(lines[0]).toMatch(/^debug: Oz API: POST \/agent\/runs -> 200 in \d+ ms$/);
    expect(result.stderr).not.toContain(KEY);
    const quiet = await cli(fast);
    expect(quiet.stderr).not.toContain('Oz API:');
  });

  it('--output-format json puts the conversation in agent_output of --json', async () => {
    const result = await cli([...fast, '--output-format', 'json', '--json']);
    expect(result.code).toBe(0);
    const outputs = JSON.parse(result.stdout) as { agent_output: { steps: unknown[] } };
    const conversation = outputs.agent_output;
    expect(conversation.steps.length).toBeGreaterThan(0);
    const bad = await cli([...fast, '--output-format', 'yaml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Invalid --output-format 'yaml'. Expected text or json.");
  });

  it('checks the model before the create: exit 2 for an unknown one; --no-preflight skips the check', async () => {
    const bad = await cli([...fast, '--model', 'gpt5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--model 'gpt5' is not a model this API key can use. Did you mean 'gpt-5'?");
    expect(bad.stderr).toContain('a check skipped when --no-preflight is set');
    expect(sim.apiRequests('POST', '/agent/runs')).toHaveLength(0);
    const skipped = await cli([...fast, '--model', 'gpt5', '--no-preflight']);
    expect(skipped.code).toBe(0);
    expect(sim.apiRequests('GET', '/agent/models')).toHaveLength(1);
  });

  it('sends the run options of its kebab-case flags', async () => {
    const result = await cli([
      ...fast,
      '--harness',
      'codex',
      '--harness-model',
      'gpt-5',
      '--reasoning-level',
      'high',
      '--harness-secret',
      'K',
      '--idle-timeout-minutes',
      '15',
      '--session-sharing',
      'viewer',
      '--agent-identity',
      'id-1',
    ]);
    expect(result.code).toBe(0);
    const body = sim.apiRequests('POST', '/agent/runs')[0]!.body as { config: Record<string, unknown>; agent_identity_uid: string };
    expect(body.config).toMatchObject({
      harness: { type: 'codex', model_id: 'gpt-5', reasoning_level: 'high' },
      harness_auth_secrets: { codex_auth_secret_name: 'K' },
      idle_timeout_minutes: 15,
      session_sharing: { public_access: 'VIEWER' },
    });
    expect(body.agent_identity_uid).toBe('id-1');
  });

  it('--json has credits, cost_usd and tokens; --max-credits cancels a run over budget (exit 1)', async () => {
    const done = await cli([...fast, '--json']);
    expect(JSON.parse(done.stdout)).toMatchObject({ credits: 16, cost_usd: 0.32, tokens: 48210 });
    const over = await cli([...fast, '--metadata', 'sim_outcome=never', '--max-credits', '3', '--json']);
    expect(over.code).toBe(1);
    const outputs = JSON.parse(over.stdout) as { state: string; credits: number; outcome: string };
    expect(outputs.state).toBe('CANCELLED');
    expect(outputs.outcome).toBe('budget_exceeded');
    expect(outputs.credits).toBeGreaterThan(3);
    expect(over.stderr).toMatch(/Budget exceeded: the run had used [\d.]+ credits, .* more than --max-credits \(3 credits\)/);
  });
});
