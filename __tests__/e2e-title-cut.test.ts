/**
 * A credential in the prompt's first line, where the title the action derives from it (with
 * output_schema or review) is cut: cut inside it, the rest no longer looks like a credential to the
 * detector, and would be published as the run's title. The cut falls between words. End to end on
 * the committed dist/.
 */
import { describe, expect, it } from 'vitest';
import { useSimulator } from './helpers/simulator.ts';
import { runCliBundle } from './helpers/cli.ts';
import { runStep } from '../sim/runner.ts';

const sim = useSimulator();
const TOKEN = 'ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
// The token starts at character 54: the title's cut at 79 falls inside it.
const PROMPT = `Deploy the service to production now using the token ${TOKEN} please`;
/** Any 12 or more characters of the token, as they would be published. */
const PART = /ghp_[A-Za-z0-9]{8,}/;

describe('a credential cut by the derived title', () => {
  it('is not published by the action in the title output, the summary or the log', async () => {
    const main = await runStep({
      inputs: {
        warp_api_key: 'wk-title-cut',
        prompt: PROMPT,
        api_base_url: sim.url,
        output_schema: '{"type":"object"}',
        metadata: 'sim_answer_json={"ok":true}',
        poll_interval_seconds: '0.05',
        max_poll_interval_seconds: '0.2',
      },
    });
    expect(main.code).toBe(0);
    // ::debug:: lines are dropped by the runner unless step debug logging is on (then they are redacted).
    const shown = main.log
      .split('\n')
      .filter((l) => !l.startsWith('::debug::'))
      .join('\n');
    // The whole token is redacted where it appears whole (the answer echoes nothing here) ...
    expect(shown).not.toContain(TOKEN);
    // ... and no part of it ends the title: the cut dropped the word it fell in.
    expect(main.outputs.title).toBe('Deploy the service to production now using the token…');
    expect(main.outputs.title).not.toMatch(PART);
    expect(main.summary).not.toMatch(PART);
    expect(shown).not.toMatch(PART);
  });

  it('is not published by the CLI in --json or on stderr', async () => {
    const cli = await runCliBundle(sim, [
      '--prompt',
      PROMPT,
      '--output-schema',
      '{"type":"object"}',
      '--metadata',
      'sim_answer_json={"ok":true}',
      '--json',
      '--poll-interval-seconds',
      '0.05',
      '--max-poll-interval-seconds',
      '0.2',
    ]);
    expect(cli.code).toBe(0);
    const title = (JSON.parse(cli.stdout) as { title: string }).title;
    expect(title).not.toMatch(PART);
  });
});
