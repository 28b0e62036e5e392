import {
  capList,
  fitBytes,
  fitChars,
  fitJson,
  MAX_ARTIFACTS_OUTPUT_BYTES,
  MAX_RUN_OUTPUT_BYTES,
  MAX_SUMMARY_BYTES,
  MAX_TEXT_OUTPUT_BYTES,
} from './limits.ts';
import { escapeMarkdown, safeLink, safeUrl } from './markdown.ts';
import type { Artifact, RunItem } from '../oz/types.ts';

/** How the step ended, as far as the run is concerned. */
export type Outcome =
  /** The run reached SUCCEEDED. */
  | 'succeeded'
  /** The run reached FAILED, ERROR, BLOCKED or CANCELLED. */
  | 'failed'
  /** `timeout_minutes` passed first. */
  | 'timeout'
  /** The workflow was cancelled (or the step's own timeout-minutes hit) first. */
  | 'cancelled'
  /** `wait: false`: the run was started and left running. */
  | 'started'
  /** The action itself failed (bad answer, lost create, read failure). */
  | 'error'
  /** The event may not start an agent (an untrusted commenter, the action's own comment). */
  | 'skipped';

export interface Report {
  outcome: Outcome;
  /** The last run read; may be missing when the run was never read. */
  run?: RunItem;
  runId?: string;
  /** What the step says about the outcome in one sentence (cancel result, error...). */
  note?: string;
  /** Watching time, used when the run has no `run_time`. */
  elapsedMs?: number;
  workflowRunUrl?: string;
  /** The pull request the workflow ran for. */
  pullRequest?: { number: number; url?: string; headSha?: string };
}

/**
 * The step's outputs for a run; every one is set (empty when unknown) so later steps can rely on them.
 * URL outputs are http(s) only: anything else is dropped and told to `onDropped`. Long text is
 * shortened to stay within GitHub's output limits.
 */
export function runOutputs(
  run: RunItem | undefined,
  runId: string | undefined,
  onDropped: (output: string, value: string) => void = () => {},
): Record<string, string> {
  const artifacts = run?.artifacts ?? [];
  const pr = artifacts.find((a) => a.artifact_type === 'PULL_REQUEST');
  const retryable = run?.status_message?.retryable;
  const url = (output: string, value: unknown): string => {
    if (value === undefined || value === null || value === '') return '';
    const safe = safeUrl(value);
    if (safe === undefined) onDropped(output, typeof value === 'string' ? value : JSON.stringify(value));
    return safe ?? '';
  };
  const text = (value: string | undefined) => fitBytes(value ?? '', MAX_TEXT_OUTPUT_BYTES);
  return {
    run_id: text(run?.run_id ?? runId),
    state: text(run?.state),
    session_link: url('session_link', run?.session_link),
    title: text(run?.title),
    status_message: text(run?.status_message?.message),
    error_code: text(run?.status_message?.error_code),
    retryable: retryable === undefined ? '' : String(retryable),
    conversation_id: text(run?.conversation_id),
    pull_request_url: url('pull_request_url', pr?.data?.url),
    artifacts: fitJson(artifacts, MAX_ARTIFACTS_OUTPUT_BYTES),
    run: run === undefined ? '' : fitJson(run, MAX_RUN_OUTPUT_BYTES),
  };
}

/** `PT1H2M3.5S` → `1h 2m 4s`; undefined when it is not an ISO 8601 duration. */
export function formatIsoDuration(value: string | undefined): string | undefined {
  const match = value === undefined ? null : /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value);
  if (!match) return undefined;
  const [, d, h, m, s] = match;
  const seconds = Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
  return formatDuration(seconds * 1000);
}

/** Milliseconds as `1h 2m 3s` (seconds rounded). */
export function formatDuration(ms: number): string {
  let rest = Math.round(ms / 1000);
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  return [h ? `${h}h` : '', h || m ? `${m}m` : '', `${s}s`].filter(Boolean).join(' ');
}

const HEADINGS: Record<Outcome, string> = {
  succeeded: '✅ Oz agent run succeeded',
  failed: '❌ Oz agent run failed',
  timeout: '⏱️ Oz agent run timed out',
  cancelled: '🚫 Oz agent run cancelled with the workflow',
  started: '🚀 Oz agent run started',
  error: '⚠️ Oz agent run could not be followed',
  skipped: '⏭️ Oz agent not started',
};

/** `https://github.com/o/r/pull/42` → `o/r#42`; anything else → `pull request`. */
function pullRequestLabel(url: string | undefined): string {
  const match = url === undefined ? null : /^https?:\/\/[^/]+\/([^/]+\/[^/]+)\/pull\/(\d+)/.exec(url);
  return match ? `${match[1]}#${match[2]}` : 'pull request';
}

function describeArtifact(artifact: Artifact): string {
  const data = artifact.data ?? {};
  const text = (key: string) => {
    const value = data[key];
    return typeof value === 'string' ? fitChars(value, 500) : undefined;
  };
  switch (artifact.artifact_type) {
    case 'PULL_REQUEST': {
      const branch = text('branch');
      return `Pull request: ${safeLink(pullRequestLabel(text('url')), text('url'))}${branch ? ` (branch ${escapeMarkdown(branch)})` : ''}`;
    }
    case 'PLAN':
      return `Plan: ${safeLink(text('title') ?? 'plan', text('url'))}`;
    case 'FILE': {
      const size = typeof data.size_bytes === 'number' ? ` (${data.size_bytes} bytes)` : '';
      return `File: ${escapeMarkdown(text('filepath') ?? text('filename') ?? 'file')}${size}`;
    }
    case 'SCREENSHOT':
      return `Screenshot: ${escapeMarkdown(text('description') ?? text('artifact_uid') ?? 'screenshot')}`;
    case 'EXTERNAL_REFERENCE':
      return `Link: ${safeLink(text('title') ?? text('url') ?? 'reference', text('url'))}`;
    default:
      return escapeMarkdown(fitChars(String(artifact.artifact_type), 100));
  }
}

function usageRows(run: RunItem): string[][] {
  const usage = run.request_usage;
  if (!usage) return [];
  const rows: string[][] = [];
  const credits = (['inference', 'compute', 'platform'] as const)
    .map((kind) => [kind, usage[`${kind}_cost`], usage[`${kind}_cost_usd`]] as const)
    .filter(([, credits]) => typeof credits === 'number');
  if (credits.length > 0) {
    const total = credits.reduce((sum, [, c]) => sum + (c as number), 0);
    const usd = credits.reduce((sum, [, , u]) => sum + (typeof u === 'number' ? u : 0), 0);
    const parts = credits.map(([kind, c]) => `${kind} ${c}`).join(', ');
    rows.push(['Cost', `${round(total)} credits (${parts})${usd > 0 ? `, about $${usd.toFixed(2)}` : ''}`]);
  }
  if (typeof usage.total_tokens === 'number') rows.push(['Tokens', String(usage.total_tokens)]);
  return rows;
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Ended runs other than SUCCEEDED, by what a reader should do about them. */
const FAILED_HEADINGS: Record<string, string> = {
  FAILED: '❌ Oz agent run failed',
  ERROR: '❌ Oz agent run failed with a platform error',
  BLOCKED: '✋ Oz agent run is blocked: it needs a person',
  CANCELLED: '🚫 Oz agent run was cancelled',
};

function heading(report: Report): string {
  return (report.outcome === 'failed' && FAILED_HEADINGS[report.run?.state ?? '']) || HEADINGS[report.outcome];
}

/** The job summary as Markdown. Everything that came from the API is escaped. */
export function renderSummary(report: Report): string {
  const { run } = report;
  const lines = [`## ${heading(report)}`, ''];
  if (run?.title) lines.push(`**${escapeMarkdown(fitChars(run.title, 500))}**`, '');
  if (report.note) lines.push(escapeMarkdown(fitChars(report.note)), '');

  const rows: string[][] = [];
  const runId = run?.run_id ?? report.runId;
  if (run?.state) rows.push(['State', escapeMarkdown(fitChars(run.state, 100))]);
  if (run?.session_link) rows.push(['Session', safeLink('Open the agent session', run.session_link)]);
  if (runId) rows.push(['Run ID', escapeMarkdown(fitChars(runId, 200))]);
  const duration = formatIsoDuration(run?.run_time) ?? (report.elapsedMs === undefined ? undefined : formatDuration(report.elapsedMs));
  if (duration) rows.push(['Duration', duration]);
  const status = run?.status_message;
  if (status?.message) rows.push(['Status message', escapeMarkdown(fitChars(status.message))]);
  if (status?.error_code) rows.push(['Error code', escapeMarkdown(fitChars(status.error_code, 100))]);
  if (status?.retryable !== undefined) rows.push(['Retryable', status.retryable ? 'yes: a new run may succeed' : 'no']);
  if (run) rows.push(...usageRows(run));
  const pr = report.pullRequest;
  if (pr) rows.push(['Pull request', safeLink(`#${pr.number}`, pr.url)]);
  if (pr?.headSha) rows.push(['Head commit', escapeMarkdown(pr.headSha.slice(0, 12))]);
  if (report.workflowRunUrl) rows.push(['Workflow run', safeLink('This workflow run', report.workflowRunUrl)]);
  if (rows.length > 0) {
    lines.push('| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`), '');
  }

  const artifacts = run?.artifacts ?? [];
  if (artifacts.length > 0) {
    const { shown, more } = capList(artifacts);
    lines.push('### Artifacts', '', ...shown.map((a) => `- ${describeArtifact(a)}`));
    if (more > 0) lines.push(`- and ${more} more (all of them are in the \`artifacts\` output)`);
    lines.push('');
  }
  // Every piece above is already bounded; this is the last guard against the runner dropping the summary.
  return fitBytes(lines.join('\n'), MAX_SUMMARY_BYTES);
}
