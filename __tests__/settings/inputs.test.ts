import { describe, expect, it } from 'vitest';
import { parseInputs, parseSettings } from '../../src/settings/inputs.ts';
import { sentText, targetOf } from '../../src/run/plan.ts';
import { parseMcp, parseMetadata } from '../../src/settings/settings.ts';
import { InputError, messageOf } from '../../src/errors.ts';

const KEY = 'wk-secret-123';

function settings(inputs: Record<string, string>, env: Record<string, string> = {}, files: Record<string, string> = {}) {
  const read = (name: string) => (inputs[name] ?? '').trim();
  const readFile = (path: string) => {
    // As node:fs fails: the reason is in the error's code.
    if (!(path in files)) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    return files[path]!;
  };
  return parseSettings(read, { GITHUB_WORKSPACE: '/ws', ...env }, readFile);
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return messageOf(error);
  }
  throw new Error('expected an InputError');
}

describe('parseSettings', () => {
  it('maps every create input to the request body, with the documented defaults', () => {
    const s = settings({
      warp_api_key: KEY,
      prompt: 'Fix the bug',
      title: 'Bug fix',
      name: 'ci-fixes',
      model: 'claude-sonnet-4',
      environment: 'env-1',
      base_prompt: 'Be brief.',
      host: 'my-worker',
      computer_use: 'TRUE',
      mode: 'plan',
      conversation_id: 'conv-9',
      mcp: '{"mcpServers": {"fs": {"command": "npx", "args": ["-y", "fs"]}}}',
      metadata: 'team=platform\n\n# comment\nticket = OZ-1',
    });
    expect(s.create).toEqual({
      prompt: 'Fix the bug',
      title: 'Bug fix',
      mode: 'plan',
      conversation_id: 'conv-9',
      config: {
        name: 'ci-fixes',
        model_id: 'claude-sonnet-4',
        environment_id: 'env-1',
        base_prompt: 'Be brief.',
        worker_host: 'my-worker',
        computer_use_enabled: true,
        mcp_servers: { fs: { command: 'npx', args: ['-y', 'fs'] } },
      },
    });
    expect(s.userMetadata).toEqual({ team: 'platform', ticket: 'OZ-1' });
    expect(s).toMatchObject({
      apiKey: KEY,
      apiBaseUrl: 'https://app.warp.dev/api/v1',
      wait: true,
      timeoutMs: 3_600_000,
      pollIntervalMs: 5000,
      maxPollIntervalMs: 30_000,
      cancelOnAbort: true,
    });
  });

  it('falls back to WARP_API_KEY and accepts decimals for the timings', () => {
    const s = settings(
      { prompt: 'x', timeout_minutes: '0.5', poll_interval_seconds: '.25', max_poll_interval_seconds: '2', wait: 'False' },
      { WARP_API_KEY: KEY },
    );
    expect(s.apiKey).toBe(KEY);
    expect(s).toMatchObject({ timeoutMs: 30_000, pollIntervalMs: 250, maxPollIntervalMs: 2000, wait: false });
  });

  it('reads prompt_file relative to the workspace', () => {
    const s = settings({ warp_api_key: KEY, prompt_file: 'prompts/review.md' }, {}, { '/ws/prompts/review.md': 'Review it.\n' });
    expect(s.create?.prompt).toBe('Review it.\n');
  });

  it('reads mcp from a file, as a bare map of servers', () => {
    const s = settings(
      { warp_api_key: KEY, skill: 'acme/tools:review' },
      {},
      { '/ws/mcp.json': '{"docs": {"url": "https://mcp.example.com"}}' },
    );
    expect(s.create?.skill).toBe('acme/tools:review');
    const t = settings(
      { warp_api_key: KEY, prompt: 'x', mcp: 'mcp.json' },
      {},
      { '/ws/mcp.json': '{"docs": {"url": "https://mcp.example.com"}}' },
    );
    expect(t.create?.config?.mcp_servers).toEqual({ docs: { url: 'https://mcp.example.com' } });
  });

  it('watches an existing run with run_id and no create body', () => {
    const s = settings({ warp_api_key: KEY, run_id: 'run_123-abc' });
    expect(s.runId).toBe('run_123-abc');
    expect(s.create).toBeUndefined();
  });

  it.each([
    [{ prompt: 'x' }, 'Missing warp_api_key'],
    [{ warp_api_key: 'sk-live-1', prompt: 'x' }, 'Invalid warp_api_key: expected a Warp API key, which starts with "wk-"'],
    [{ warp_api_key: KEY }, 'Missing prompt: set prompt, prompt_file or skill'],
    [{ warp_api_key: KEY, prompt: 'x', prompt_file: 'p.md' }, 'Set either prompt or prompt_file, not both.'],
    [
      { warp_api_key: KEY, prompt_file: 'missing.md' },
      "Invalid prompt_file 'missing.md': there is no file at '/ws/missing.md' (a relative path is taken from the workspace, '/ws'). Expected the path of a readable file",
    ],
    [
      { warp_api_key: KEY, prompt: 'x', timeout_minutes: '10m' },
      "Invalid timeout_minutes '10m'. Expected a positive number such as 5 or 0.5.",
    ],
    [{ warp_api_key: KEY, prompt: 'x', poll_interval_seconds: '0' }, "Invalid poll_interval_seconds '0'. Expected a positive number"],
    [{ warp_api_key: KEY, prompt: 'x', poll_interval_seconds: '-1' }, "Invalid poll_interval_seconds '-1'."],
    [
      { warp_api_key: KEY, prompt: 'x', poll_interval_seconds: '10', max_poll_interval_seconds: '5' },
      "Invalid max_poll_interval_seconds '5'. Expected a number no smaller than poll_interval_seconds (10).",
    ],
    [{ warp_api_key: KEY, prompt: 'x', wait: 'yes' }, "Invalid wait 'yes'. Expected true or false."],
    [{ warp_api_key: KEY, prompt: 'x', cancel_on_abort: '1' }, "Invalid cancel_on_abort '1'. Expected true or false."],
    [{ warp_api_key: KEY, prompt: 'x', computer_use: 'on' }, "Invalid computer_use 'on'. Expected true or false."],
    [{ warp_api_key: KEY, prompt: 'x', mode: 'fast' }, "Invalid mode 'fast'. Expected one of normal, plan or orchestrate."],
    [{ warp_api_key: KEY, skill: 'bad skill!' }, "Invalid skill 'bad skill!'. Expected skill_name, repo:skill_name"],
    [{ warp_api_key: KEY, prompt: 'x', api_base_url: 'app.warp.dev' }, "Invalid api_base_url 'app.warp.dev'. Expected an absolute URL"],
    [{ warp_api_key: KEY, prompt: 'x', api_base_url: 'ftp://x/y' }, "Invalid api_base_url 'ftp://x/y'. Expected an http(s) URL"],
    [{ warp_api_key: KEY, run_id: '../../etc' }, "Invalid run_id '../../etc'. Expected a run id of letters"],
    [{ warp_api_key: KEY, run_id: 'r1', prompt: 'x' }, 'run_id watches an existing run, so it cannot be combined with prompt'],
    [{ warp_api_key: KEY, prompt: 'x', mcp: '{"fs": 1}' }, 'Invalid mcp: server \'fs\' must be an object with "command"'],
    [{ warp_api_key: KEY, prompt: 'x', mcp: '{not json' }, 'Invalid mcp: it is not valid JSON'],
    [{ warp_api_key: KEY, prompt: 'x', mcp: 'nope.json' }, "Invalid mcp 'nope.json': there is no file at '/ws/nope.json'"],
    [{ warp_api_key: KEY, prompt: 'x', metadata: 'just-a-key' }, "Invalid metadata 'just-a-key'. Expected key=value lines"],
  ])('rejects %j with a message naming the input', (inputs, message) => {
    expect(errorOf(() => settings(inputs))).toContain(message);
  });

  it('never quotes the API key back, even a malformed one', () => {
    expect(errorOf(() => settings({ warp_api_key: 'wk-has space', prompt: 'x' }))).not.toContain('has space');
  });
});

describe('parseInputs, for the main step and the post step alike', () => {
  const parse = (inputs: Record<string, string>, files: Record<string, string> = {}) =>
    parseInputs(
      (name) => (inputs[name] ?? '').trim(),
      { GITHUB_WORKSPACE: '/ws' },
      (path) => {
        if (!(path in files)) throw new Error(`ENOENT: ${path}`);
        return files[path]!;
      },
    );

  it('gives the secrets to mask even when another input is bad', async () => {
    const parsed = await parse({ warp_api_key: KEY, github_token: 'ghs_token123', prompt: 'x', timeout_minutes: 'soon' });
    expect(parsed.ok).toBe(false);
    expect(parsed.secrets).toEqual([KEY, 'ghs_token123']);
    expect(!parsed.ok && (parsed.error as Error).message).toBe(
      "Invalid timeout_minutes 'soon'. Expected a positive number such as 5 or 0.5.",
    );
  });

  it('checks the output schema with the validator, naming the input, before any request', async () => {
    const parsed = await parse({ warp_api_key: KEY, prompt: 'x', output_schema: '{"type": "objekt"}' });
    expect(!parsed.ok && (parsed.error as Error).message).toMatch(
      /^Invalid output_schema '\{"type":"objekt"\}': it is not a valid JSON Schema \(.*objekt.*\)\. Expected a JSON Schema object/,
    );
  });

  it('gives the settings and their secrets when every input is good', async () => {
    const parsed = await parse(
      { warp_api_key: KEY, prompt: 'x', output_schema: 'schema.json' },
      { '/ws/schema.json': '{"type": "object"}' },
    );
    expect(parsed.ok && parsed.settings.outputSchema).toEqual({ type: 'object' });
    expect(parsed.secrets).toEqual([KEY]);
  });
});

describe('parseMetadata', () => {
  it('enforces the API rules on keys and values', () => {
    expect(errorOf(() => parseMetadata('bad key=1'))).toBe(
      'Invalid metadata \'bad key\'. Expected a metadata key of 1-64 characters from a-z, A-Z, 0-9, ".", "_" and "-".',
    );
    expect(errorOf(() => parseMetadata(`k=${'é'.repeat(129)}`))).toContain('at most 256 bytes');
    expect(parseMetadata(`k=${'é'.repeat(128)}`).k).toHaveLength(128);
    const twenty = Array.from({ length: 20 }, (_, i) => `k${i}=v`).join('\n');
    expect(errorOf(() => parseMetadata(twenty))).toContain('at most 19 keys');
    expect(errorOf(() => parseMetadata('oz_action_request_id=mine'))).toContain('which the action sets itself');
  });
});

describe('parseMcp', () => {
  it('accepts the three kinds of server', () => {
    const servers = parseMcp(
      JSON.stringify({
        mcpServers: { a: { command: 'x', env: { K: 'v' } }, b: { url: 'https://m', headers: { H: 'v' } }, c: { warp_id: 'w' } },
      }),
      '/ws',
      () => '',
    );
    expect(Object.keys(servers)).toEqual(['a', 'b', 'c']);
  });

  it('rejects an empty map', () => {
    expect(errorOf(() => parseMcp('{"mcpServers": {}}', '/ws', () => ''))).toContain('non-empty map of servers');
  });
});

describe('a JSON setting that is not JSON', () => {
  const reason = (text: string) => {
    try {
      JSON.parse(text);
    } catch (error) {
      return messageOf(error);
    }
    throw new Error('valid JSON');
  };

  it('names the setting (or its file), gives JSON.parse its reason, and says what was expected', () => {
    expect(errorOf(() => settings({ warp_api_key: KEY, prompt: 'x', mcp: '{not json' }))).toBe(
      `Invalid mcp: it is not valid JSON (${reason('{not json')}). Expected {"mcpServers": {"name": {...}}} or a map of servers.`,
    );
    expect(errorOf(() => settings({ warp_api_key: KEY, prompt: 'x', mcp: 'mcp.json' }, {}, { '/ws/mcp.json': '[1,' }))).toBe(
      `Invalid mcp file 'mcp.json': it is not valid JSON (${reason('[1,')}). Expected {"mcpServers": {"name": {...}}} or a map of servers.`,
    );
    expect(errorOf(() => settings({ warp_api_key: KEY, prompt: 'x', output_schema: '{"type": }' }))).toBe(
      `Invalid output_schema '{"type": }': it is not valid JSON (${reason('{"type": }')}). Expected a JSON Schema object.`,
    );
  });
});

describe('follow-ups and mentions', () => {
  it('needs run_id for a followup, and gives a follow-up the output_schema instruction', () => {
    expect(errorOf(() => settings({ warp_api_key: KEY, followup: 'more' }))).toBe(
      'followup needs run_id: it is a message to an existing run.',
    );
    const s = settings({ warp_api_key: KEY, run_id: 'r1', followup: 'And the docs', output_schema: '{"type": "object"}' });
    // The instruction is added to what is sent (run/plan.ts), not written into the settings.
    expect(sentText(targetOf(s)!, s.outputSchema)).toMatch(
      /^And the docs\n\n---\nWhen you have finished, end your final answer with one JSON object/,
    );
    expect(s.create).toBeUndefined();
  });

  it('lets a trigger phrase stand in for the prompt, and refuses a phrase of spaces or with a space', () => {
    expect(settings({ warp_api_key: KEY, trigger_phrase: '@oz' })).toMatchObject({
      triggerPhrase: '@oz',
      continueConversation: true,
      create: {},
    });
    expect(errorOf(() => settings({ warp_api_key: KEY, trigger_phrase: '@oz please' }))).toContain("Invalid trigger_phrase '@oz please'");
    expect(errorOf(() => settings({ warp_api_key: KEY }))).toContain('Missing prompt');
  });
});
