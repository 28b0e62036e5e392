import { describe, expect, it, vi } from 'vitest';
import { hasCode, InputError, isInputError, messageOf, systemCode } from '../src/errors.ts';
import { isApiError, isRetryable, mayHaveCreated, OzApiError } from '../src/oz/errors.ts';
import { isStopSignal } from '../src/run/stop.ts';

/** A second copy of a module, with classes of its own: what another bundle file carries. */
async function secondCopy<T>(path: string): Promise<T> {
  vi.resetModules();
  return (await import(path)) as T;
}

describe('the error model', () => {
  it('recognises an error made by another copy of its module, where instanceof fails', async () => {
    const other = await secondCopy<typeof import('../src/oz/errors.ts')>('../src/oz/errors.ts');
    const error = new other.OzApiError('POST', '/agent/runs', 503, {});
    expect(error).not.toBeInstanceOf(OzApiError);
    expect(isApiError(error)).toBe(true);
    expect(isRetryable(error)).toBe(true);
    expect(mayHaveCreated(error)).toBe(true);

    const stops = await secondCopy<typeof import('../src/run/stop.ts')>('../src/run/stop.ts');
    const stop = new stops.StopSignal('timeout');
    expect(isStopSignal(stop) && stop.reason).toBe('timeout');
  });

  it('decides by code, not by name or message', () => {
    const lookalike = Object.assign(new Error('Oz API GET /x failed with 503'), { name: 'OzApiError', status: 503 });
    expect(isApiError(lookalike)).toBe(false);
    expect(isRetryable(lookalike)).toBe(false);
    const input = new InputError('warp_api_key', 'missing', 'Missing warp_api_key: set it.');
    expect(isInputError(input) && [input.code, input.setting, input.reason]).toEqual(['input', 'warp_api_key', 'missing']);
    expect(hasCode(input, 'oz-api')).toBe(false);
  });

  it('gives the message of anything thrown', () => {
    expect(messageOf(new Error('boom'))).toBe('boom');
    expect(messageOf('plain text')).toBe('plain text');
    expect(messageOf(undefined)).toBe('undefined');
    expect(messageOf({ message: 'from an object' })).toBe('from an object');
  });

  it("reads Node's code of a system error, and nothing from its message", () => {
    expect(systemCode(Object.assign(new Error('open failed'), { code: 'ENOENT' }))).toBe('ENOENT');
    expect(systemCode(new Error('ENOENT: no such file or directory'))).toBeUndefined();
    expect(systemCode('ENOENT')).toBeUndefined();
  });
});
