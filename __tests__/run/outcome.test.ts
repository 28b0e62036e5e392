import { describe, expect, it } from 'vitest';
import { conclude, type Finding } from '../../src/run/outcome.ts';

const cancelled = { outcome: 'cancelled' } as const;
const refused = { outcome: 'failed', error: new Error('502') } as const;
const live = { run_id: 'r', state: 'INPROGRESS' };
const over = { run_id: 'r', state: 'CANCELLED' };

describe('conclude: whether the post step has a run left to cancel', () => {
  it.each<[string, Finding, boolean]>([
    ['a run watched to its end', { kind: 'ended', run: over }, true],
    ['a run left running on purpose (wait: false)', { kind: 'left-running', run: live }, true],
    ['a run the check before the create refused', { kind: 'not-started', problems: ['x'] }, true],
    [
      'a run stopped while watched and cancelled',
      { kind: 'stopped', reason: 'timeout', phase: 'watch', cleanup: { kind: 'cancel', cancel: cancelled }, run: live },
      true,
    ],
    [
      'a run stopped while watched, whose cancel failed',
      { kind: 'stopped', reason: 'timeout', phase: 'watch', cleanup: { kind: 'cancel', cancel: refused }, run: live },
      false,
    ],
    [
      'a run stopped while watched, left by cancel_on_abort',
      { kind: 'stopped', reason: 'cancelled', phase: 'watch', cleanup: { kind: 'left-running' }, run: live },
      true,
    ],
    [
      'a create stopped before it answered, nothing sent',
      { kind: 'stopped', reason: 'cancelled', phase: 'create', cleanup: { kind: 'nothing-sent' } },
      false,
    ],
    [
      'a create stopped before it answered, left by cancel_on_abort',
      { kind: 'stopped', reason: 'cancelled', phase: 'create', cleanup: { kind: 'left-running' } },
      false,
    ],
    [
      'a create stopped before it answered, its run not found',
      { kind: 'stopped', reason: 'cancelled', phase: 'create', cleanup: { kind: 'not-found' } },
      false,
    ],
    [
      'a create stopped before it answered, its run found and cancelled',
      { kind: 'stopped', reason: 'cancelled', phase: 'create', cleanup: { kind: 'cancel', cancel: cancelled }, run: over },
      true,
    ],
    [
      'a run stopped while watched after a follow-up it had not shown yet: its end read is the old one',
      {
        kind: 'stopped',
        reason: 'cancelled',
        phase: 'watch',
        cleanup: { kind: 'unknown', error: new Error('not taken up yet') },
        run: over,
        awaitingFollowup: true,
      },
      false,
    ],
    [
      'a run stopped while watched whose read failed, last read ended',
      { kind: 'stopped', reason: 'cancelled', phase: 'watch', cleanup: { kind: 'unknown', error: new Error('read failed') }, run: over },
      true,
    ],
    ['a failure with no cancel', { kind: 'failed', error: new Error('read failed'), run: live }, false],
    ['a failure whose run had ended', { kind: 'failed', error: new Error('read failed'), run: over }, true],
    [
      'a failure followed by a cancel',
      { kind: 'failed', error: new Error('x'), cleanup: { kind: 'cancel', cancel: cancelled }, run: live },
      true,
    ],
  ])('%s: settled is %s', (_, found, settled) => {
    expect(conclude(found).settled).toBe(settled);
  });

  it('says a stop before the create answered as nothing to cancel when no run was found', () => {
    expect(conclude({ kind: 'stopped', reason: 'timeout', phase: 'create', cleanup: { kind: 'not-found' } }).outcome).toEqual({
      kind: 'stopped',
      reason: 'timeout',
      phase: 'create',
      handling: { kind: 'nothing-to-cancel' },
    });
  });
});
