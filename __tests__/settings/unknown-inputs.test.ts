/** The step's keys that are no input of this action: a likely typo fails before any request, anything else is a warning. */
import { describe, expect, it } from 'vitest';
import { checkInputNames, likelyInput } from '../../src/settings/unknown-inputs.ts';

describe('likelyInput', () => {
  it.each([
    ['api-key', 'warp_api_key'],
    ['api_key', 'warp_api_key'],
    ['warp-api-key', 'warp_api_key'],
    ['environment-id', 'environment'],
    ['environment_id', 'environment'],
    ['model-id', 'model'],
    ['github-token', 'github_token'],
    ['timeout-minutes', 'timeout_minutes'],
    ['promt', 'prompt'],
    ['trigger-phrase', 'trigger_phrase'],
  ])('reads %s as %s', (key, input) => {
    expect(likelyInput(key)).toBe(input);
  });

  it.each(['foo', 'node-version', 'x'])('finds nothing close to %s', (key) => {
    expect(likelyInput(key)).toBeUndefined();
  });
});

describe('checkInputNames', () => {
  it('fails on a key close to an input, naming the key, the input and the fix, never the value', () => {
    const env = { 'INPUT_API-KEY': 'wk-very-secret', INPUT_PROMPT: 'x', INPUT_WARP_API_KEY: '' };
    expect(() => checkInputNames(env)).toThrow(
      `The input 'api-key' is not an input of this action, so it would be ignored: it most likely means warp_api_key. ` +
        'Rename api-key: to warp_api_key: under with: in the workflow. Nothing was sent.',
    );
    const error = (() => {
      try {
        checkInputNames(env);
      } catch (e) {
        return String(e);
      }
    })();
    expect(error).not.toContain('wk-very-secret');
    expect(() => checkInputNames({ 'INPUT_TIMEOUT-MINUTES': '5' })).toThrow(
      /most likely means timeout_minutes \(input names are written with "_", not "-"\)/,
    );
  });

  it('warns about a key close to nothing, and says nothing of known inputs', () => {
    expect(checkInputNames({ INPUT_PROMPT: 'x', 'INPUT_NODE-VERSION': '24', PATH: '/bin' })).toEqual([
      "The input 'node-version' is not an input of this action, so nothing reads it. Remove it, or see action.yml for the inputs.",
    ]);
  });
});
