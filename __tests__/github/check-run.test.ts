import { describe, expect, it } from 'vitest';
import { ACTION_WORDS } from '../../src/action/vocabulary.ts';
import { Feedback } from '../../src/github/feedback.ts';

describe('the check run', () => {
  it('fails the step with CheckRunError, naming the check, when the GitHub API cannot even be loaded', async () => {
    const feedback = new Feedback({
      api: () => Promise.reject(new Error('no token scope')),
      comment: { marker: '<!-- oz -->' },
      check: { name: 'Oz agent', headSha: 'a'.repeat(40) },
      words: ACTION_WORDS,
      warn: () => {},
    });
    await expect(feedback.startCheck()).rejects.toMatchObject({
      name: 'CheckRunError',
      message: 'check_name is set, but the check run "Oz agent" could not be created: no token scope.',
    });
  });
});
