/**
 * Where the CLI runs, for the run's metadata: the CI system, the pipeline or build, the commit, the
 * branch and the job, read from each system's documented environment variables.
 */
type Env = Record<string, string | undefined>;

interface Provider {
  name: string;
  detect: (env: Env) => boolean;
  url: (env: Env) => string | undefined;
  sha: (env: Env) => string | undefined;
  branch: (env: Env) => string | undefined;
  job: (env: Env) => string | undefined;
}

const PROVIDERS: Provider[] = [
  {
    name: 'gitlab',
    detect: (env) => env.GITLAB_CI === 'true',
    url: (env) => env.CI_JOB_URL ?? env.CI_PIPELINE_URL,
    sha: (env) => env.CI_COMMIT_SHA,
    branch: (env) => env.CI_COMMIT_REF_NAME,
    job: (env) => env.CI_JOB_NAME,
  },
  {
    name: 'buildkite',
    detect: (env) => env.BUILDKITE === 'true',
    url: (env) => env.BUILDKITE_BUILD_URL,
    sha: (env) => env.BUILDKITE_COMMIT,
    branch: (env) => env.BUILDKITE_BRANCH,
    job: (env) => env.BUILDKITE_LABEL ?? env.BUILDKITE_STEP_KEY,
  },
  {
    name: 'circleci',
    detect: (env) => env.CIRCLECI === 'true',
    url: (env) => env.CIRCLE_BUILD_URL,
    sha: (env) => env.CIRCLE_SHA1,
    branch: (env) => env.CIRCLE_BRANCH,
    job: (env) => env.CIRCLE_JOB,
  },
  {
    name: 'jenkins',
    detect: (env) => env.JENKINS_URL !== undefined,
    url: (env) => env.BUILD_URL,
    sha: (env) => env.GIT_COMMIT,
    branch: (env) => env.BRANCH_NAME ?? env.GIT_BRANCH,
    job: (env) => env.JOB_NAME,
  },
];

/** Metadata pairs that trace a run to its pipeline, in the order they are kept when keys run short. */
export function ciMetadata(env: Env): [string, string | undefined][] {
  const provider = PROVIDERS.find((p) => p.detect(env));
  if (!provider) return [['ci_provider', env.CI === 'true' ? 'ci' : 'none']];
  return [
    ['ci_provider', provider.name],
    ['ci_pipeline_url', provider.url(env)],
    ['ci_commit_sha', provider.sha(env)],
    ['ci_branch', provider.branch(env)],
    ['ci_job', provider.job(env)],
  ];
}
