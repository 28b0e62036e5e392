/** Tokens of a third-party harness, from its raw counts: absent, never 0, when they are not there. */
import { describe, expect, it } from 'vitest';
import { harnessTokens, usageFigures } from '../../src/oz/usage.ts';

const usage = (payload: unknown) => ({ available: true, usage: { harness: 'CLAUDE_CODE', snapshot: { coverage: 'complete', payload } } });

describe('harnessTokens', () => {
  it("adds Claude Code's input, output and cache counts, and takes Codex's total", () => {
    expect(harnessTokens(usage({ input_tokens: 10, output_tokens: 5, cache_read_input_tokens: 3, cache_creation_input_tokens: 2 }))).toBe(
      20,
    );
    expect(harnessTokens(usage({ total_token_usage: { input_tokens: 10, output_tokens: 5, total_tokens: 15 } }))).toBe(15);
  });

  it('is undefined when the counts are missing, null or not available', () => {
    expect(harnessTokens(usage({ input_tokens: 10, output_tokens: null }))).toBeUndefined();
    expect(harnessTokens(usage('raw text'))).toBeUndefined();
    expect(harnessTokens({ available: false })).toBeUndefined();
    expect(harnessTokens(undefined)).toBeUndefined();
  });

  it('stands in for request_usage tokens only when those are absent', () => {
    expect(usageFigures({ inference_cost: 1 }, 20)).toEqual({ credits: 1, tokens: 20 });
    expect(usageFigures({ total_tokens: 7 }, 20).tokens).toBe(7);
    expect(usageFigures({ inference_cost: 1 }).tokens).toBeUndefined();
  });
});
