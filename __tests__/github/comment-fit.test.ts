import { describe, expect, it } from 'vitest';
import { conversationWithin, fitComment } from '../../src/github/comment-fit.ts';
import { decodeState } from '../../src/threads/state.ts';

const binding = { repository: 'acme/widgets', thread: 7 };

describe('conversationWithin', () => {
  it('shortens older turns first and keeps the state readable on the last line', () => {
    const exchanges = [1, 2, 3, 4, 5, 6].map((n) => ({ who: 'octocat', request: `ask ${n}`, answer: `<b>${n}</b> `.repeat(2_000) }));
    const body = conversationWithin({ runId: 'run-1', exchanges, binding }, ['footer']);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain('Shortened to fit the comment: the agent session has all of it.');
    // The newest answer is whole.
    expect(body.split('&lt;b>6&lt;/b>').length - 1).toBe(2_000);
    const { state, problem } = decodeState(body, binding);
    expect(problem).toBeUndefined();
    expect(state.runId).toBe('run-1');
    expect(state.exchanges.at(-1)!.request).toBe('ask 6');
  });

  it('shortens the newest answer last, when it alone is too long', () => {
    const body = conversationWithin({ runId: 'run-1', exchanges: [{ who: 'o', request: 'r', answer: '@x '.repeat(40_000) }], binding }, []);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain('the job summary of the workflow run has all of it.');
    expect(decodeState(body, binding).state.runId).toBe('run-1');
  });
});

describe('fitComment', () => {
  it("cuts the middle of a body, never the action's hidden last line", () => {
    const body = `${'x'.repeat(70_000)}\n<!-- oz-agent-state abc -->`;
    const fitted = fitComment(body);
    expect(fitted.length).toBeLessThanOrEqual(65_536);
    expect(fitted.endsWith('\n<!-- oz-agent-state abc -->')).toBe(true);
    expect(fitted).toContain('(shortened)');
  });
});
