import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCli } from '../../src/cli/args.ts';
import { ciMetadata } from '../../src/cli/ci.ts';
import { ROOT } from '../../sim/runner.ts';

describe('ciMetadata', () => {
  it.each([
    [
      {
        BUILDKITE: 'true',
        BUILDKITE_BUILD_URL: 'https://buildkite.com/acme/w/builds/9',
        BUILDKITE_COMMIT: 'abc',
        BUILDKITE_BRANCH: 'dev',
        BUILDKITE_LABEL: 'agent',
      },
      ['buildkite', 'https://buildkite.com/acme/w/builds/9', 'abc', 'dev', 'agent'],
    ],
    [
      {
        CIRCLECI: 'true',
        CIRCLE_BUILD_URL: 'https://circleci.com/gh/acme/w/5',
        CIRCLE_SHA1: 'def',
        CIRCLE_BRANCH: 'main',
        CIRCLE_JOB: 'build',
      },
      ['circleci', 'https://circleci.com/gh/acme/w/5', 'def', 'main', 'build'],
    ],
    [
      {
        JENKINS_URL: 'https://ci.acme',
        BUILD_URL: 'https://ci.acme/job/w/3/',
        GIT_COMMIT: '123',
        GIT_BRANCH: 'origin/main',
        JOB_NAME: 'w',
      },
      ['jenkins', 'https://ci.acme/job/w/3/', '123', 'origin/main', 'w'],
    ],
  ])('reads %j', (env, [provider, url, sha, branch, job]) => {
    expect(Object.fromEntries(ciMetadata(env))).toEqual({
      ci_provider: provider,
      ci_pipeline_url: url,
      ci_commit_sha: sha,
      ci_branch: branch,
      ci_job: job,
    });
  });

  it('says plainly when it runs outside a known CI', () => {
    expect(ciMetadata({})).toEqual([['ci_provider', 'none']]);
    expect(ciMetadata({ CI: 'true' })).toEqual([['ci_provider', 'ci']]);
  });
});

describe('examples/other-ci', () => {
  /** Every `oz-agent-run` command line in an example, split as a shell would (quotes kept together). */
  function commands(file: string): string[][] {
    const text = JSON.stringify(parse(readFileSync(join(ROOT, 'examples', 'other-ci', file), 'utf8')));
    return [...text.matchAll(/oz-agent-run((?:[^"\\]|\\"[^"\\]*\\")*)/g)].map((m) =>
      [...m[1]!.matchAll(/\\"([^"\\]*)\\"|(\S+)/g)].map((a) => a[1] ?? a[2]!),
    );
  }

  it.each(['.gitlab-ci.yml', 'buildkite-pipeline.yml'])('%s calls the CLI with flags it knows, and no key', (file) => {
    const found = commands(file);
    expect(found.length).toBeGreaterThan(0);
    for (const args of found) {
      expect(() => parseCli(args)).not.toThrow();
      expect(args.join(' ')).not.toMatch(/wk-|api-key/i);
    }
  });
});
