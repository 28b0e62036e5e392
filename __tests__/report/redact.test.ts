import { describe, expect, it } from 'vitest';
import { redactAll, redactCredentials, redactor } from '../../src/report/redact.ts';

// Built here, so no file holds a whole fake credential.
const GHP = `ghp_${'Ab1Cd2Ef3G'.repeat(3)}h4Ij5K`;
const AWS_SECRET = 'Zx7Cv8Bn9M/0Lk1Jh2Gf3Ds4A+5Qw6Er7Ty8Ui9O';

describe('redactCredentials', () => {
  it('names the kind of each credential it replaces', async () => {
    expect(await redactCredentials(`export GITHUB_TOKEN=${GHP} && npm publish`)).toBe(
      'export GITHUB_TOKEN=[redacted github token] && npm publish',
    );
    expect(await redactCredentials(`key wk-1.${'9f8e7d6c5b4a'.repeat(2)} used`)).toBe('key [redacted warp key] used');
    expect(await redactCredentials(`id AKIAQ2W3E4R5T6Y7U8I9.`)).toBe('id [redacted aws key].');
  });

  it('takes out the whole of a secret whose rule reports too short a range', async () => {
    // secretlint's AWS rule reports the secret's length from the start of `aws_secret_access_key`.
    const out = await redactCredentials(`aws_secret_access_key = "${AWS_SECRET}"\nnext line`);
    expect(out).not.toContain(AWS_SECRET.slice(-8));
    expect(out).toBe('[redacted aws key]"\nnext line');
  });

  it('is not switched off by a secretlint-disable comment in the text', async () => {
    expect(await redactCredentials(`<!-- secretlint-disable -->\n${GHP}`)).toBe('<!-- secretlint-disable -->\n[redacted github token]');
  });

  it('takes the known secrets out first, as ***', async () => {
    expect(await redactCredentials('the key is wk-own-key-of-the-step', redactor(['wk-own-key-of-the-step']))).toBe('the key is ***');
  });

  it('leaves text without credentials as it is', async () => {
    const text = 'I fixed the flaky test in `src/auth.ts`; see https://github.com/acme/widgets/pull/42.';
    expect(await redactCredentials(text)).toBe(text);
  });
});

describe('redactAll', () => {
  it('redacts every string of a value, keys too, and keeps its shape', async () => {
    const value = { run: { title: `Use ${GHP}`, state: 'SUCCEEDED', n: 3 }, list: [GHP, null], [GHP]: true };
    expect(await redactAll(value)).toEqual({
      run: { title: 'Use [redacted github token]', state: 'SUCCEEDED', n: 3 },
      list: ['[redacted github token]', null],
      '[redacted github token]': true,
    });
  });
});
