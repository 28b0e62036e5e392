import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AgentActivity, EditThrottle, foldedLines, liveLines } from '../../src/github/live.ts';

describe('EditThrottle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('edits at once the first time, then at most once per interval, the latest request winning', () => {
    const throttle = new EditThrottle(30_000);
    const edits: string[] = [];
    throttle.request(() => edits.push('first'));
    expect(edits).toEqual(['first']);
    throttle.request(() => edits.push('second'));
    throttle.request(() => edits.push('third'));
    vi.advanceTimersByTime(29_999);
    expect(edits).toEqual(['first']);
    vi.advanceTimersByTime(1);
    expect(edits).toEqual(['first', 'third']);
  });

  it('doubles the pause after a refused edit, or waits for Retry-After, and restores it after one that worked', () => {
    const throttle = new EditThrottle(30_000);
    throttle.refused();
    expect(throttle.currentIntervalMs).toBe(60_000);
    throttle.refused(300_000);
    expect(throttle.currentIntervalMs).toBe(300_000);
    throttle.refused();
    throttle.refused();
    expect(throttle.currentIntervalMs).toBe(600_000);
    throttle.accepted();
    expect(throttle.currentIntervalMs).toBe(30_000);
  });

  it('runs an urgent edit at once, in place of a waiting one, unless GitHub asked for a longer pause', () => {
    const throttle = new EditThrottle(30_000);
    const edits: string[] = [];
    throttle.request(() => edits.push('first'));
    throttle.request(() => edits.push('progress'));
    vi.advanceTimersByTime(1000);
    throttle.request(() => edits.push('link'), true);
    expect(edits).toEqual(['first', 'link']);
    vi.advanceTimersByTime(60_000);
    expect(edits).toEqual(['first', 'link']);
    throttle.refused();
    throttle.request(() => edits.push('refused link'), true);
    expect(edits).toEqual(['first', 'link']);
    vi.advanceTimersByTime(60_000);
    expect(edits).toEqual(['first', 'link', 'refused link']);
  });

  it('holds a waiting edit, and says it is paused, until the pause GitHub asked for has passed', () => {
    const throttle = new EditThrottle(30_000);
    const edits: string[] = [];
    throttle.request(() => edits.push('first'));
    throttle.request(() => edits.push('second'));
    vi.advanceTimersByTime(1000);
    throttle.refused(120_000);
    expect(throttle.paused).toBe(true);
    vi.advanceTimersByTime(119_999);
    expect(edits).toEqual(['first']);
    expect(throttle.paused).toBe(true);
    vi.advanceTimersByTime(1);
    expect(edits).toEqual(['first', 'second']);
    expect(throttle.paused).toBe(false);
  });

  it('drops a waiting edit when stopped', () => {
    const throttle = new EditThrottle(1000);
    const edits: number[] = [];
    throttle.request(() => edits.push(1));
    throttle.request(() => edits.push(2));
    throttle.stop();
    vi.advanceTimersByTime(5000);
    expect(edits).toEqual([1]);
  });
});

describe('AgentActivity', () => {
  it('shows the last thing said and the last five actions live, and folds up to twenty at the end', () => {
    const activity = new AgentActivity();
    expect(liveLines(activity.snapshot())).toEqual([]);
    expect(foldedLines(activity.snapshot())).toEqual([]);
    activity.add('says: Looking at the *tests*');
    for (let i = 1; i <= 25; i++) activity.add(`command: step ${i}`);
    expect(liveLines(activity.snapshot())).toEqual([
      '**Now:** Looking at the \\*tests\\*',
      '',
      ...[21, 22, 23, 24, 25].map((i) => `- \` command: step ${i} \``),
      '',
    ]);
    const folded = foldedLines(activity.snapshot());
    expect(folded[0]).toBe('<details><summary>What the agent did (25 actions)</summary>');
    expect(folded[2]).toBe('- … 5 earlier');
    expect(folded[3]).toBe('- ` command: step 6 `');
    expect(folded.at(-2)).toBe('</details>');
  });

  it('keeps an action with backticks in one piece of code', () => {
    const activity = new AgentActivity();
    activity.add('command: echo `date`');
    expect(liveLines(activity.snapshot())).toEqual(['- `` command: echo `date` ``', '']);
  });
});

describe('AgentActivity: setup steps', () => {
  it('shows the last setup step until the agent says or does something, and never counts or folds it', () => {
    const activity = new AgentActivity();
    activity.add('setup: a worker claimed the run');
    activity.add('setup: the container is ready');
    expect(liveLines(activity.snapshot())).toEqual(['**Setting up:** the container is ready', '']);
    activity.add('command: npm test');
    expect(liveLines(activity.snapshot()).join('\n')).not.toContain('Setting up');
    expect(activity.snapshot().count).toBe(1);
    expect(foldedLines(activity.snapshot()).join('\n')).not.toContain('container');
  });
});
