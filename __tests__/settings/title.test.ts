import { describe, expect, it } from 'vitest';
import { titleFromPrompt } from '../../src/settings/settings.ts';

describe('the title derived from a prompt (with output_schema or review)', () => {
  it('is the first non-empty line, spaces folded, when it fits in 80 characters', () => {
    expect(titleFromPrompt('\n\n  Fix   the flaky test \nand more')).toBe('Fix the flaky test');
    expect(titleFromPrompt('x'.repeat(80))).toBe('x'.repeat(80));
    expect(titleFromPrompt(' \n ')).toBeUndefined();
  });

  it('is cut between words, never inside one, within 80 characters', () => {
    const title = titleFromPrompt(`${'word '.repeat(30)}end`)!;
    expect(title.length).toBeLessThanOrEqual(80);
    expect(title).toMatch(/^(word )*word…$/);
  });

  it('leaves out, whole, a credential the cut would fall in: a part of one is not recognised to redact', () => {
    const token = `ghp_${'A1b2C3d4E5'.repeat(3)}f6g7h8i9j0`;
    const title = titleFromPrompt(`Deploy the service to production now using the token ${token} please`);
    expect(title).toBe('Deploy the service to production now using the token…');
  });

  it('is none for a first line of one word longer than 80 characters', () => {
    expect(titleFromPrompt(`ghp_${'x'.repeat(90)}`)).toBeUndefined();
  });
});
