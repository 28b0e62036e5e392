import { describe, expect, it } from 'vitest';
import { ACTION_WORDS } from '../../src/action/vocabulary.ts';
import { CLI_WORDS } from '../../src/cli/vocabulary.ts';
import { outcomeNote } from '../../src/front/words.ts';
import { decodeState, encodeState } from '../../src/threads/state.ts';
import { verdict, type RunOutcome } from '../../src/run/outcome.ts';
import { asSent, planOf, targetOf } from '../../src/run/plan.ts';
import { checkRunId, type RunSettings } from '../../src/settings/settings.ts';

const SCHEMA = { type: 'object' };
const INSTRUCTION = 'When you have finished, end your final answer with one JSON object';
const base: RunSettings = {
  apiKey: 'wk-k',
  apiBaseUrl: 'https://oz.test',
  wait: true,
  timeoutMs: 60_000,
  pollIntervalMs: 1,
  maxPollIntervalMs: 2,
  cancelOnAbort: true,
  userMetadata: {},
  logProgress: false,
};

describe('the plan', () => {
  it('has nothing to run for a new run without a prompt or a skill, whatever the schema', () => {
    expect(targetOf({ ...base, create: {} })).toBeUndefined();
    expect(targetOf({ ...base, create: {}, outputSchema: SCHEMA })).toBeUndefined();
    expect(targetOf({ ...base, create: { skill: 's' } })).toEqual({ kind: 'create', request: { skill: 's' } });
  });

  it("carries the settings' output schema; a later phase's schema is a new plan, the settings as parsed", () => {
    const settings = { ...base, create: { prompt: 'Review it' }, outputSchema: SCHEMA };
    const plan = planOf(settings, targetOf(settings)!);
    expect(plan.outputSchema).toBe(SCHEMA);
    expect(planOf(base, { kind: 'watch', runId: 'r1' })).not.toHaveProperty('outputSchema');
    const review = { ...plan, outputSchema: { type: 'array' } };
    expect(review.settings).toBe(settings);
    expect(settings.outputSchema).toBe(SCHEMA);
  });

  it('names an existing run as a watch, or a follow-up with its message', () => {
    expect(targetOf({ ...base, runId: 'r1' })).toEqual({ kind: 'watch', runId: 'r1' });
    expect(targetOf({ ...base, runId: 'r1', followup: 'more' })).toEqual({ kind: 'follow-up', runId: 'r1', message: 'more' });
  });

  it('adds the schema instruction to what is sent, once, and leaves the target as it was', () => {
    const target = targetOf({ ...base, create: { prompt: 'Review it' } })!;
    const sent = asSent(target, SCHEMA);
    expect(sent.kind === 'create' && sent.request.prompt!.split(INSTRUCTION)).toHaveLength(2);
    expect(target).toEqual({ kind: 'create', request: { prompt: 'Review it' } });
    const followup = asSent({ kind: 'follow-up', runId: 'r1', message: 'more' }, SCHEMA);
    expect(followup.kind === 'follow-up' && followup.message).toMatch(/^more\n\n---\nWhen you have finished/);
    expect(asSent(target, undefined)).toBe(target);
  });
});

describe("a thread's run id", () => {
  const binding = { repository: 'acme/widgets', thread: 7 };
  it.each(['run_1-a', 'x'.repeat(128), 'x'.repeat(129), 'bad id', '../x', 'r1\n'])(
    '%j is taken from the thread exactly when the run_id rule takes it',
    (runId) => {
      const body = `<!-- oz-agent-action conversation -->\nhello\n${encodeState({ exchanges: [], binding, runId })}`;
      const taken = decodeState(body, binding).state.runId !== undefined;
      let valid = true;
      try {
        checkRunId(runId, 'run_id');
      } catch {
        valid = false;
      }
      expect(taken).toBe(valid);
    },
  );
});

describe('the outcome, in each front end’s words', () => {
  const stopped: RunOutcome = {
    kind: 'stopped',
    reason: 'timeout',
    phase: 'watch',
    handling: { kind: 'cancel', cancel: { outcome: 'cancelled' } },
  };

  it('is one word for the outputs, whichever front end', () => {
    expect(verdict({ outcome: stopped })).toBe('timeout');
    expect(verdict({ outcome: { kind: 'ended', state: 'SUCCEEDED' }, structured: { ok: false, errors: ['x'] } })).toBe('invalid_output');
    expect(verdict({ outcome: { kind: 'ended', state: 'BLOCKED' } })).toBe('failed');
  });

  it('names the setting as each front end does', () => {
    expect(outcomeNote({ outcome: stopped }, base, ACTION_WORDS)).toBe(
      'The run did not end within timeout_minutes (1), so the run was cancelled.',
    );
    expect(outcomeNote({ outcome: stopped }, base, CLI_WORDS)).toBe(
      'The run did not end within --timeout-minutes (1), so the run was cancelled.',
    );
    const left: RunOutcome = { kind: 'stopped', reason: 'cancelled', phase: 'watch', handling: { kind: 'left-running' } };
    expect(outcomeNote({ outcome: left }, base, ACTION_WORDS)).toBe(
      'The workflow was cancelled; cancel_on_abort is false, so the run was left running.',
    );
    expect(outcomeNote({ outcome: left }, base, CLI_WORDS)).toBe(
      'The run was interrupted; --no-cancel-on-abort is set, so the run was left running.',
    );
  });
});
