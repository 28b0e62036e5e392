/**
 * End-to-end, on the committed dist/ against the simulator: a workflow written for the official
 * warpdotdev/oz-agent-action keeps working here. Each official input is accepted; the ones that mean
 * nothing for a cloud run warn, the ones that cannot be honoured fail before any request.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSimulator } from './helpers/simulator.ts';
import { runStep } from '../sim/runner.ts';

const sim = useSimulator();

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    warp_api_key: 'wk-official-key',
    prompt: 'Fix the flaky test',
    api_base_url: sim.url,
    poll_interval_seconds: '0.05',
    max_poll_interval_seconds: '0.2',
    ...extra,
  };
}

describe('the official action inputs', () => {
  it('fails cloud: false before any request, saying why, how to get the work back and where the runner agent is', async () => {
    const main = await runStep({ inputs: inputs({ cloud: 'false' }) });
    expect(main.code).toBe(1);
    expect(sim.requests).toHaveLength(0);
    const error = main.log.split('\n').find((l) => l.startsWith('::error::'))!;
    expect(error).toContain("this action runs only cloud agents: the agent works in its own Oz environment, not in this runner's checkout");
    expect(error).toContain('pull_request_url output');
    expect(error).toContain('artifacts_path');
    expect(error).toContain('use the official warpdotdev/oz-agent-action with cloud: false');
  });

  it('runs as usual with cloud: true', async () => {
    const main = await runStep({ inputs: inputs({ cloud: 'true' }) });
    expect(main.code).toBe(0);
    expect(main.outputs.state).toBe('SUCCEEDED');
  });

  it('fails saved_prompt before any request, naming prompt, prompt_file and skill', async () => {
    const main = await runStep({ inputs: inputs({ prompt: '', saved_prompt: 'sp-123' }) });
    expect(main.code).toBe(1);
    expect(sim.requests).toHaveLength(0);
    expect(main.log).toMatch(
      /::error::saved_prompt is not supported: the Oz API has no saved prompts.*Put the text in prompt, in a file named by prompt_file, or in a skill run with skill\./,
    );
  });

  it('warns about cwd, profile and share, naming the nearest input, and runs the agent', async () => {
    const main = await runStep({ inputs: inputs({ cwd: 'packages/app', profile: 'fast', share: 'team:editor' }) });
    expect(main.code).toBe(0);
    const warnings = main.log.split('\n').filter((l) => l.startsWith('::warning::'));
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/^::warning::cwd is ignored: .*environment/);
    expect(warnings[1]).toMatch(/^::warning::profile is ignored: .*model.*base_prompt/);
    expect(warnings[2]).toMatch(/^::warning::share is ignored: .*Use session_sharing: viewer or editor/);
    const [create] = sim.apiRequests('POST', '/agent/runs');
    expect(JSON.stringify(create!.body)).not.toMatch(/packages\/app|team:editor|"fast"/);
  });

  it('gives a notice for oz_channel and oz_version other than the defaults, and none for the defaults', async () => {
    const quiet = await runStep({ inputs: inputs({ oz_channel: 'stable', oz_version: 'latest' }) });
    expect(quiet.log).not.toContain('::notice::');
    const main = await runStep({ inputs: inputs({ oz_channel: 'preview', oz_version: '1.2.3' }) });
    expect(main.code).toBe(0);
    expect(main.log).toContain("::notice::oz_channel 'preview' has no effect");
    expect(main.log).toContain("::notice::oz_version '1.2.3' has no effect");
  });

  it('with output_format json, agent_output is the normalized conversation as JSON', async () => {
    const main = await runStep({ inputs: inputs({ output_format: 'json' }) });
    expect(main.code).toBe(0);
    const conversation = JSON.parse(main.outputs.agent_output!) as {
      conversation_id: string;
      steps: { messages: { role: string; content: { type: string; text?: string }[] }[] }[];
    };
    expect(conversation.conversation_id).toBe(main.outputs.conversation_id);
    const last = conversation.steps.at(-1)!.messages.at(-1)!;
    expect(last.role).toBe('assistant');
    expect(last.content[0]!.text).toMatch(/^I fixed the flaky test/);
    // The summary still shows the answer as text.
    expect(main.summary).toContain('I fixed the flaky test');
  });

  it('refuses an output_format other than text or json before any request', async () => {
    const main = await runStep({ inputs: inputs({ output_format: 'jsonl' }) });
    expect(main.code).toBe(1);
    expect(sim.requests).toHaveLength(0);
    expect(main.log).toContain("::error::Invalid output_format 'jsonl'. Expected text or json.");
  });

  it('with debug: true, logs every request (method, path, status, duration, trace id), never the key', async () => {
    sim.inject({ method: 'GET', path: '/agent/runs/', kind: 'status', status: 503, count: 1 });
    const main = await runStep({ inputs: inputs({ debug: 'true' }) });
    expect(main.code).toBe(0);
    const lines = main.log.split('\n').filter((l) => l.startsWith('[debug] Oz API: '));
    expect(lines.length).toBe(sim.apiRequests().length);
    expect(lines[0]).toMatch(/^\[debug\] Oz API: POST \/agent\/runs -> 200 in \d+ ms$/);
    expect(lines.some((l) => /GET \/agent\/runs\/[\w-]+ -> 503 in \d+ ms \(trace id [0-9a-f]{32}\)$/.test(l))).toBe(true);
    // The runner's mask command is the only line that may carry the key.
    const shown = main.log.split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(shown.join('\n')).not.toContain('wk-official-key');
    expect(shown.join('\n')).not.toMatch(/Bearer|authorization/i);
    // Without debug, the same lines are step-debug lines only.
    const quiet = await runStep({ inputs: inputs() });
    expect(quiet.log).not.toContain('[debug] Oz API');
    expect(quiet.log).toMatch(/::debug::Oz API: POST \/agent\/runs -> 200/);
  });
});

describe('the API run options', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oz-attach-'));
  const png = join(dir, 'screen.png');
  const gif = join(dir, 'anim.GIF');
  const fake = join(dir, 'fake.png');
  const text = join(dir, 'notes.txt');
  writeFileSync(png, Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('rest of a png')]));
  writeFileSync(gif, 'GIF89a and the rest');
  writeFileSync(fake, 'not a png at all');
  writeFileSync(text, 'hello');

  it('sends each option in the request body under its API name', async () => {
    const main = await runStep({
      inputs: inputs({
        harness: 'claude',
        harness_model: 'claude-sonnet-4-5',
        reasoning_level: 'high',
        harness_secret: 'ANTHROPIC_KEY',
        idle_timeout_minutes: '30',
        session_sharing: 'viewer',
        attachments: `${png}\n\n${gif}`,
        agent_identity: 'ident-42',
      }),
    });
    expect(main.code).toBe(0);
    const body = sim.apiRequests('POST', '/agent/runs')[0]!.body as Record<string, unknown>;
    expect(body.config).toMatchObject({
      harness: { type: 'claude', model_id: 'claude-sonnet-4-5', reasoning_level: 'high' },
      harness_auth_secrets: { claude_auth_secret_name: 'ANTHROPIC_KEY' },
      idle_timeout_minutes: 30,
      session_sharing: { public_access: 'VIEWER' },
    });
    expect(body.agent_identity_uid).toBe('ident-42');
    expect(body.attachments).toEqual([
      { file_name: 'screen.png', mime_type: 'image/png', data: readFileSync(png).toString('base64') },
      { file_name: 'anim.GIF', mime_type: 'image/gif', data: readFileSync(gif).toString('base64') },
    ]);
  });

  it('names the codex secret field for the codex harness', async () => {
    const main = await runStep({ inputs: inputs({ harness: 'codex', harness_secret: 'OPENAI_KEY', session_sharing: 'EDITOR' }) });
    expect(main.code).toBe(0);
    const body = sim.apiRequests('POST', '/agent/runs')[0]!.body as { config: Record<string, unknown> };
    expect(body.config.harness_auth_secrets).toEqual({ codex_auth_secret_name: 'OPENAI_KEY' });
    expect(body.config.session_sharing).toEqual({ public_access: 'EDITOR' });
  });

  it.each([
    [{ harness: 'copilot' }, "Invalid harness 'copilot'. Expected oz, claude, codex, gemini (one of)."],
    [
      { harness_model: 'gpt-5' },
      'harness_model applies only to a third-party harness: set harness to claude, codex or gemini, or use model',
    ],
    [{ harness: 'oz', reasoning_level: 'high' }, 'reasoning_level applies only to a third-party harness'],
    [{ harness: 'gemini', harness_secret: 'KEY' }, 'harness_secret applies only to the claude and codex harnesses'],
    [{ idle_timeout_minutes: '61' }, "Invalid idle_timeout_minutes '61'. Expected a whole number of minutes from 0 to 60."],
    [{ idle_timeout_minutes: '1.5' }, "Invalid idle_timeout_minutes '1.5'."],
    [{ session_sharing: 'public' }, "Invalid session_sharing 'public'. Expected viewer or editor."],
    [{ agent_identity: 'a b' }, "Invalid agent_identity 'a b'."],
    [{ attachments: text }, `Invalid attachments '${text}'. Expected images of type jpeg, png, gif or webp`],
    [{ attachments: fake }, `Invalid attachments '${fake}'. Expected a png image (the file's content is not one).`],
    [{ attachments: join(dir, 'missing.png') }, `Invalid attachments '${join(dir, 'missing.png')}': there is no file at`],
    [{ attachments: Array(6).fill(png).join('\n') }, "Invalid attachments '6 files'. Expected at most 5 images."],
  ])('refuses %o before any request', async (extra, message) => {
    const main = await runStep({ inputs: inputs(extra) });
    expect(main.code).toBe(1);
    expect(sim.requests).toHaveLength(0);
    expect(main.log).toContain(`::error::${message}`.slice(0, 200));
  });

  it('refuses a run option with run_id: it configures a new run', async () => {
    const main = await runStep({ inputs: { ...inputs({ run_id: 'run-1', harness: 'claude' }), prompt: '' } });
    expect(main.code).toBe(1);
    expect(sim.requests).toHaveLength(0);
    expect(main.log).toMatch(/run_id watches an existing run, so it cannot be combined with harness/);
  });
});
