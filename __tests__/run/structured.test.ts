import { describe, expect, it } from 'vitest';
import { extractJson, lastJsonBlock } from '../../src/run/structured.ts';

/** What the finder must agree with: the regular expression it replaced (right, but quadratic). */
function reference(text: string): string | undefined {
  return [...text.matchAll(/^[ \t]*(`{3,}|~{3,})[ \t]*json[ \t]*\r?\n([\s\S]*?)\r?\n[ \t]*\1[ \t]*$/gim)].at(-1)?.[2];
}

/** A small deterministic generator, so a failure can be replayed. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const PIECES = ['```json', '````json', '~~~json', ' ```JSON ', '```', '````', '~~~', '  ```  ', '{"a":1}', '', 'text', '```js', '\r'];

describe('lastJsonBlock', () => {
  it('finds what the regular expression found, on thousands of fence-heavy texts', () => {
    const random = prng(14);
    for (let n = 0; n < 5000; n++) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 12) }, () => PIECES[Math.floor(random() * PIECES.length)]!);
      const text = lines.join(random() < 0.2 ? '\r\n' : '\n');
      expect(lastJsonBlock(text), JSON.stringify(text)).toBe(reference(text));
    }
  });

  it('takes the nearest closer of the same fence, and blocks do not nest', () => {
    expect(lastJsonBlock('````json\n{"a":1}\n```\n{"b":2}\n````')).toBe('{"a":1}\n```\n{"b":2}');
    expect(lastJsonBlock('```json\n```json\n{"x":1}\n```\n```')).toBe('```json\n{"x":1}');
    expect(lastJsonBlock('```json\n\n```')).toBe('');
    expect(lastJsonBlock('```json\n```')).toBeUndefined();
  });

  it('reads a 4 MiB answer of unclosed openers in one pass, and still finds the block at its end', () => {
    // Quadratic, this took over half an hour: each opener scanned the rest of the text for its closer.
    const openers = '```json\n{"decoy": true}\n'.repeat(170_000);
    const answer = `${openers}~~~json\n{"verdict": "approve"}\n~~~\n`;
    expect(answer.length).toBeGreaterThan(4_000_000);
    expect(extractJson(answer)).toEqual({ ok: true, value: { verdict: 'approve' } });
    expect(extractJson(openers)).toMatchObject({ ok: false, error: 'the final answer has no fenced ```json block' });
  });
});
