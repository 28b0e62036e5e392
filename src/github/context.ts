import { readEvent, type EventInfo } from './event.ts';
import { mergeMetadata } from '../oz/metadata.ts';

/**
 * Where the step runs, read from the runner's environment. Read directly rather than through
 * `@actions/github`, whose Octokit would cost start-up time this path does not need.
 */
export interface GitHubContext {
  serverUrl: string;
  repository?: string;
  runId?: string;
  runAttempt?: string;
  workflow?: string;
  job?: string;
  sha?: string;
  ref?: string;
  eventName?: string;
  actor?: string;
  /** The pull request the event concerns, if any. */
  pullRequest?: { number: number; url?: string; headSha?: string };
  event: EventInfo;
}

export function readGitHubContext(env: NodeJS.ProcessEnv = process.env): GitHubContext {
  const value = (name: string) => (env[name] ? env[name] : undefined);
  const event = readEvent(env);
  const context: GitHubContext = { serverUrl: value('GITHUB_SERVER_URL') ?? 'https://github.com', event };
  const fields: [keyof GitHubContext, string][] = [
    ['repository', 'GITHUB_REPOSITORY'],
    ['runId', 'GITHUB_RUN_ID'],
    ['runAttempt', 'GITHUB_RUN_ATTEMPT'],
    ['workflow', 'GITHUB_WORKFLOW'],
    ['job', 'GITHUB_JOB'],
    ['sha', 'GITHUB_SHA'],
    ['ref', 'GITHUB_REF'],
    ['eventName', 'GITHUB_EVENT_NAME'],
    ['actor', 'GITHUB_ACTOR'],
  ];
  for (const [field, name] of fields) {
    const v = value(name);
    if (v !== undefined) (context as unknown as Record<string, string>)[field] = v;
  }
  if (event.thread?.isPullRequest) {
    const { number, url } = event.thread;
    context.pullRequest = { number, ...(url && { url }), ...(event.headSha && { headSha: event.headSha }) };
  }
  return context;
}

/** The workflow run's page, for the summary; undefined outside Actions. */
export function workflowRunUrl(context: GitHubContext): string | undefined {
  if (!context.repository || !context.runId) return undefined;
  const attempt = context.runAttempt && context.runAttempt !== '1' ? `/attempts/${context.runAttempt}` : '';
  return `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}${attempt}`;
}

/**
 * Run metadata that traces a run back to its workflow run. The user's metadata wins on conflicts. One
 * of the API's 20 keys is left for the request id that run/create.ts adds; when the rest would not fit,
 * the context keys listed last are left out first, and their names are returned in `dropped`.
 */
export function buildMetadata(
  context: GitHubContext,
  user: Record<string, string>,
): { metadata: Record<string, string>; dropped: string[] } {
  const candidates: [string, string | undefined][] = [
    ['github_repository', context.repository],
    ['github_run_id', context.runId],
    ['github_run_attempt', context.runAttempt],
    ['github_pr_number', context.pullRequest?.number.toString()],
    ['github_pr_head_sha', context.pullRequest?.headSha],
    ['github_pr_url', context.pullRequest?.url],
    ['github_issue_number', threadIssue(context)],
    ['github_sha', context.sha],
    ['github_workflow', context.workflow],
    ['github_job', context.job],
    ['github_ref', context.ref],
    ['github_event', context.eventName],
    ['github_actor', context.actor],
  ];
  return mergeMetadata(user, candidates);
}

/** The issue's number on an event about an issue (not a pull request). */
function threadIssue(context: GitHubContext): string | undefined {
  const thread = context.event.thread;
  return thread && !thread.isPullRequest ? String(thread.number) : undefined;
}

/**
 * The metadata that makes a run this thread's: the repository, and the pull request's or issue's
 * number, as `buildMetadata` writes them on the runs it creates. Undefined without a repository or thread.
 */
export function threadOwner(event: EventInfo): Record<string, string> | undefined {
  const thread = event.thread;
  if (!event.owner || !event.repo || !thread) return undefined;
  return {
    github_repository: `${event.owner}/${event.repo}`,
    ...(thread.isPullRequest ? { github_pr_number: String(thread.number) } : { github_issue_number: String(thread.number) }),
  };
}
