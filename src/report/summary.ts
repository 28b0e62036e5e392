import { reportArtifacts, type Outcome, type Report } from './model.ts';
import { capList, fitBytes, fitChars, MAX_SUMMARY_BYTES } from './limits.ts';
import { escapeMarkdown, inlineCode, safeLink, sanitizeMarkdown } from './markdown.ts';
import { safeUrl } from './url.ts';
import { formatDuration } from './duration.ts';
import type { OutputKey, SettingKey } from '../names.ts';
import type { Artifact, RunItem } from '../oz/types.ts';
import { reviewSection } from '../review/text.ts';

// The report as Markdown: the job summary, the CLI's summary file and the final pull request comment.

/** `PT1H2M3.5S` → `1h 2m 4s`; undefined when it is not an ISO 8601 duration. */
export function formatIsoDuration(value: string | undefined): string | undefined {
  const match = value === undefined ? null : /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value);
  if (!match) return undefined;
  const [, d, h, m, s] = match;
  const seconds = Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
  return formatDuration(seconds * 1000);
}

const HEADINGS: Record<Exclude<Outcome, 'cancelled'>, string> = {
  succeeded: '✅ Oz agent run succeeded',
  failed: '❌ Oz agent run failed',
  timeout: '⏱️ Oz agent run timed out',
  started: '🚀 Oz agent run started',
  error: '⚠️ Oz agent run could not be followed',
  skipped: '⏭️ Oz agent not started',
  not_started: '⛔ Oz agent run not started',
  budget_exceeded: '💸 Oz agent run cancelled: budget exceeded',
  invalid_output: '⚠️ Oz agent run succeeded, but its structured output is missing or invalid',
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
      const about = [pullRequestStatus(artifact), branch && `branch ${escapeMarkdown(branch)}`].filter(Boolean).join(', ');
      return `Pull request: ${safeLink(pullRequestLabel(text('url')), text('url'))}${about ? ` (${about})` : ''}`;
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

function usageRows(run: RunItem, harnessTokens?: number): string[][] {
  const usage = run.request_usage;
  if (!usage) return harnessTokens === undefined ? [] : [['Tokens', `${harnessTokens} (as the harness counts them)`]];
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
  else if (harnessTokens !== undefined) rows.push(['Tokens', `${harnessTokens} (as the harness counts them)`]);
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

/** The heading for how a run ended: the outcome, in words, with its emoji. */
export function outcomeHeading(report: Report, words: SummaryWords): string {
  if (report.outcome === 'cancelled') return `🚫 Oz agent run ${words.stoppedHeading}`;
  return (report.outcome === 'failed' && FAILED_HEADINGS[report.run?.state ?? '']) || HEADINGS[report.outcome];
}

/** How the front end says what the report needs of it (part of its vocabulary): the report itself says facts. */
export interface SummaryWords {
  /** A setting as the user writes it: the action's input, or the CLI's `--timeout-minutes`. */
  setting: (key: SettingKey) => string;
  /** A setting named in the middle of a sentence: "`environment` input", or "`--environment`". */
  aside: (key: SettingKey) => string;
  /** After "Oz agent run", for a run whose front end was stopped: 'cancelled with the workflow'. */
  stoppedHeading: string;
  /** Doing it all again, as one would say it: 're-run the job'. */
  rerun: string;
  /** The front end's own run, as what may have cancelled the run: 'this workflow'. */
  ownRun: string;
  /** Where the whole report is, linked from the comment: 'the job summary'. */
  fullReport: string;
  /** The details row of the front end's own run (`Report.workflowRunUrl`), and its link's text. */
  ownRunRow: readonly [label: string, link: string];
}

/** What to do about a run that did not succeed, by error code and state: one sentence for a reader. */
export function nextStep(report: Report, words: SummaryWords): string | undefined {
  const run = report.run;
  const { rerun } = words;
  const code = run?.status_message?.error_code;
  if (report.outcome === 'timeout') return `Raise \`${words.setting('timeoutMinutes')}\`, or split the task into smaller runs.`;
  if (report.outcome === 'budget_exceeded') return `Raise \`${words.setting('maxCredits')}\`, or split the task into smaller runs.`;
  if (report.outcome === 'not_started') {
    const sent = report.catalogueRead
      ? 'No run was started: only the catalogue was read (the lists of models, environments or skills the check needed).'
      : 'Nothing was sent to Oz.';
    return `Fix what the message above names, then ${rerun}. ${sent}`;
  }
  if (report.outcome === 'invalid_output')
    return `Make the prompt say more plainly what the JSON object must hold, or relax \`${words.setting('outputSchema')}\`.`;
  if (run?.state === 'BLOCKED') return 'A person must act: open the agent session and approve the step or answer its question.';
  switch (code) {
    case 'insufficient_credits':
      return `Add credits to the Warp team that owns the API key (Warp: Settings › Billing), then ${rerun}.`;
    case 'budget_exceeded':
      return `The team's spending limit was reached: raise it in Warp (Settings › Billing), then ${rerun}.`;
    case 'agent_stream_network_error':
    case 'agent_stream_failure':
      return "The connection to the agent's stream failed on Warp's side, which is usually transient: re-run the job; a new run may succeed.";
    case 'environment_setup_failed':
      return `Check the environment (${words.aside('environment')}): its repositories, setup commands and secrets. The session shows the step that failed.`;
    case 'external_authentication_required':
    case 'integration_not_configured':
    case 'integration_disabled':
      return `Connect or enable the integration in Warp for the team that owns the API key, then ${rerun}.`;
    case 'not_authorized':
    case 'authentication_required':
      return 'The API key lacks access: use a team agent key with access to the environment and repositories.';
    case 'content_policy_violation':
      return 'The request was refused by the content policy: reword the prompt.';
    case 'invalid_request':
    case 'resource_not_found':
      return 'Check the inputs (model, environment, skill, MCP servers): one of them names something that does not exist.';
  }
  if (run?.status_message?.retryable === true || run?.state === 'ERROR') return `This may be temporary: ${rerun}.`;
  if (run?.state === 'CANCELLED') return `The run was cancelled (in Warp, through the API, or by ${words.ownRun}); ${rerun} to try again.`;
  if (run?.state === 'FAILED') return 'Open the agent session to see what went wrong.';
  return undefined;
}

/** Pull request links the agent opened, prominent; `exclude` is the pull request the comment is on (no self-links). */
function pullRequests(artifacts: Artifact[], exclude?: string): string[] {
  return artifacts
    .filter((a) => a.artifact_type === 'PULL_REQUEST')
    .map((a) => {
      const url = typeof a.data?.url === 'string' ? a.data.url : undefined;
      const branch = typeof a.data?.branch === 'string' ? fitChars(a.data.branch, 200) : undefined;
      return { url, branch, status: pullRequestStatus(a) };
    })
    .filter(({ url }) => url !== undefined && safeUrl(url) !== undefined && url !== exclude)
    .map(({ url, branch, status }) => {
      const about = [status, branch && `branch ${inlineCode(branch)}`].filter(Boolean).join(', ');
      return `- **${safeLink(pullRequestLabel(url), url)}**${about ? ` (${about})` : ''}`;
    });
}

/**
 * A pull request's status as the code host last reported it, when it says more than "open": draft,
 * merged or closed. Only these words are shown, never the API's text.
 */
function pullRequestStatus(artifact: Artifact): string | undefined {
  const status = artifact.data?.status;
  return status === 'draft' || status === 'merged' || status === 'closed' ? status : undefined;
}

/** The agent's answer: Markdown, sanitised, shortened to `maxAnswerChars`; folded when long. */
function answerBlock(answer: string, options: RenderOptions, workflowRunUrl?: string): string[] {
  const trimmed = answer.trim();
  const shown = fitChars(trimmed, options.maxAnswerChars ?? 60_000);
  const text = sanitizeMarkdown(shown);
  // Said after the answer, outside its fold, so a reader knows the end is missing and where it is.
  const whereWhole = options.comment
    ? `all of it is in ${safeLink(options.fullReport, workflowRunUrl)}`
    : 'the agent session has all of it';
  const shortened = shown !== trimmed ? [`*The answer is shortened here: ${whereWhole}.*`, ''] : [];
  return [...foldedAnswer(text), ...shortened];
}

function foldedAnswer(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length <= 25 && text.length <= 2500) return [text, ''];
  const blank = lines.findIndex((l, i) => i > 0 && l.trim() === '');
  const firstParagraph = lines.slice(0, blank > 0 ? blank : 5).join('\n');
  const lead = firstParagraph.length <= 1000 && !/^ {0,3}(`{3,}|~{3,})/m.test(firstParagraph) ? [firstParagraph, ''] : [];
  return [...lead, "<details><summary>The agent's full answer</summary>", '', text, '', '</details>', ''];
}

export interface RenderOptions extends SummaryWords {
  /** For the pull request comment: no link to the pull request it is on. */
  comment?: boolean;
  /** At most this many characters of the agent's answer (default 60,000), so the text fits where it goes. */
  maxAnswerChars?: number;
}

/** Problems with the structured output, when it is invalid. */
function structuredProblems(report: Report): string[] {
  if (!report.structured || report.structured.ok) return [];
  return [
    '**Structured output problems:**',
    '',
    ...capList(report.structured.errors, 20).shown.map((e) => `- ${escapeMarkdown(fitChars(e, 500))}`),
    '',
  ];
}

/** The pull requests the agent opened, then its plans, folded: this request's only. */
function openedByTheAgent(artifacts: Artifact[], exclude: string | undefined): string[] {
  const lines: string[] = [];
  const prs = pullRequests(artifacts, exclude);
  if (prs.length > 0)
    lines.push(`### ${prs.length === 1 ? 'Pull request' : 'Pull requests'} opened by the agent`, '', ...capList(prs).shown, '');
  const plans = artifacts.filter((a) => a.artifact_type === 'PLAN');
  for (const plan of capList(plans, 10).shown) {
    const planTitle = typeof plan.data?.title === 'string' ? fitChars(plan.data.title, 200) : 'Plan';
    lines.push(
      `<details><summary>Plan: ${escapeMarkdown(planTitle)}</summary>`,
      '',
      safeLink('Open the plan in Warp', plan.data?.url),
      '',
      '</details>',
      '',
    );
  }
  return lines;
}

/**
 * On a follow-up: that the run also holds earlier turns' artifacts, which are not listed as this
 * request's, their pull requests named as theirs (a follow-up that pushed to one opens no new one).
 */
function earlierTurns(report: Report, exclude: string | undefined): string[] {
  const earlier = report.earlierArtifacts ?? [];
  if (report.followedUp !== true || earlier.length === 0) return [];
  const links = earlier
    .filter((a) => a.artifact_type === 'PULL_REQUEST' && typeof a.data?.url === 'string' && a.data.url !== exclude)
    .filter((a) => safeUrl(a.data!.url) !== undefined)
    .map((a) => safeLink(pullRequestLabel(a.data!.url as string), a.data!.url));
  const prs = capList(links, 5);
  const named = prs.shown.length > 0 ? ` (pull request ${prs.shown.join(', ')}${prs.more > 0 ? ` and ${prs.more} more` : ''})` : '';
  const count = earlier.length === 1 ? 'one artifact' : `${earlier.length} artifacts`;
  return [
    `**Earlier turns:** the run also holds ${count} from before this follow-up${named}. They are not listed here as ` +
      "this follow-up's; a pull request it only pushed to is among them.",
    '',
  ];
}

/** Why a run did not succeed and what to do about it; nothing for a run that succeeded, started or was skipped. */
function whatToDoNext(report: Report, words: SummaryWords): string[] {
  if (report.outcome === 'succeeded' || report.outcome === 'started' || report.outcome === 'skipped') return [];
  const { run } = report;
  const status = run?.status_message;
  const reason = status?.message
    ? `${escapeMarkdown(fitChars(status.message))}${status.error_code ? ` (${inlineCode(fitChars(status.error_code, 100))})` : ''}`
    : undefined;
  const next = nextStep(report, words);
  if (!reason && !next) return [];
  const lines = ['### What to do next', ''];
  if (reason) lines.push(`**Why:** ${reason}`, '');
  if (next) lines.push(next, '');
  if (run?.state === 'BLOCKED' && run.session_link) lines.push(safeLink('Open the agent session', run.session_link), '');
  return lines;
}

/** An output named in the text, by its name in the names table. */
function outputNamed(name: OutputKey): string {
  return `\`${name}\` output`;
}

/** The files saved from the run, at most a page of them. */
function filesSaved(report: Report): string[] {
  const files = report.downloadedFiles ?? [];
  if (files.length === 0) return [];
  const { shown, more } = capList(files);
  const lines = ['### Files saved', '', ...shown.map((f) => `- ${inlineCode(f)}`)];
  if (more > 0) lines.push(`- and ${more} more (all of them are in the ${outputNamed('downloaded_files')})`);
  lines.push('');
  return lines;
}

/**
 * The commit rows: the event's head commit, or, after a review, the commit it reviewed (which can
 * differ: the review is of the head the pull request had when the run started), with the event's
 * head beside it, labelled, when that is another one.
 */
function commitRows({ pullRequest, review }: Report): string[][] {
  const code = (sha: string) => inlineCode(sha.slice(0, 12), { table: true });
  if (review?.commit === undefined || review.commit === '') return pullRequest?.headSha ? [['Head commit', code(pullRequest.headSha)]] : [];
  const rows = [['Commit reviewed', code(review.commit)]];
  if (pullRequest?.headSha && pullRequest.headSha !== review.commit) rows.push(["The event's head commit", code(pullRequest.headSha)]);
  return rows;
}

/** The rows of the run's details table. */
function detailRows(report: Report, options: RenderOptions): string[][] {
  const { run } = report;
  const rows: string[][] = [];
  const runId = run?.run_id ?? report.runId;
  if (run?.state) rows.push(['State', escapeMarkdown(fitChars(run.state, 100))]);
  if (run?.session_link) rows.push(['Session', safeLink('Open the agent session', run.session_link)]);
  if (runId) rows.push(['Run ID', inlineCode(fitChars(runId, 200), { table: true })]);
  const duration =
    formatIsoDuration(run?.run_time) ?? runDuration(run) ?? (report.elapsedMs === undefined ? undefined : formatDuration(report.elapsedMs));
  if (duration) rows.push(['Duration', duration]);
  const status = run?.status_message;
  if (status?.message) rows.push(['Status message', escapeMarkdown(fitChars(status.message))]);
  if (status?.error_code) rows.push(['Error code', inlineCode(fitChars(status.error_code, 100), { table: true })]);
  if (report.setupPhase) rows.push(['Setup', `stopped while ${report.setupPhase}: the agent never started`]);
  if (run?.status_message?.retryable !== undefined)
    rows.push(['Retryable', run.status_message.retryable ? 'yes: a new run may succeed' : 'no']);
  if (run) rows.push(...usageRows(run, report.harnessTokens));
  const pr = report.pullRequest;
  if (pr && !options.comment) rows.push(['Pull request', safeLink(`#${pr.number}`, pr.url)]);
  rows.push(...commitRows(report));
  if (report.workflowRunUrl) rows.push([options.ownRunRow[0], safeLink(options.ownRunRow[1], report.workflowRunUrl)]);
  return rows;
}

/** The run's details, folded: the table, then the artifacts other than pull requests and plans. */
function runDetails(report: Report, options: RenderOptions): string[] {
  const rows = detailRows(report, options);
  const others = reportArtifacts(report).filter((a) => !['PULL_REQUEST', 'PLAN'].includes(a.artifact_type));
  if (rows.length === 0 && others.length === 0) return [];
  const lines = ['<details><summary>Run details</summary>', ''];
  if (rows.length > 0) lines.push('| Detail | Value |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`), '');
  if (others.length > 0) {
    const { shown, more } = capList(others);
    lines.push('**Artifacts**', '', ...shown.map((a) => `- ${describeArtifact(a)}`));
    if (more > 0) lines.push(`- and ${more} more (all of them are in the ${outputNamed('artifacts')})`);
    lines.push('');
  }
  lines.push('</details>', '');
  return lines;
}

/**
 * The job summary (and the final pull request comment) as Markdown, most useful first: the outcome,
 * the agent's answer, the pull requests it opened, plans, what to do next when the run did not
 * succeed, then the run's details folded. Text from the API and the agent is escaped or sanitised;
 * settings are named in the front end's words.
 */
export function renderSummary(report: Report, options: RenderOptions): string {
  const { run } = report;
  const title = run?.title ? `: ${escapeMarkdown(fitChars(run.title, 200))}` : '';
  const lines = [`## ${outcomeHeading(report, options)}${title}`, ''];
  if (report.note) lines.push(escapeMarkdown(fitChars(report.note)), '');
  if (report.review) lines.push(...reviewSection(report.review));
  if (report.agentOutput) lines.push(...answerBlock(report.agentOutput, options, report.workflowRunUrl));
  lines.push(
    ...structuredProblems(report),
    ...openedByTheAgent(reportArtifacts(report), options.comment ? report.pullRequest?.url : undefined),
    ...earlierTurns(report, options.comment ? report.pullRequest?.url : undefined),
    ...whatToDoNext(report, options),
    ...filesSaved(report),
    ...runDetails(report, options),
  );
  // Every piece above is already bounded; this is the last guard against the runner dropping the summary.
  return fitBytes(lines.join('\n'), MAX_SUMMARY_BYTES);
}

/** From the run's start (or creation) to `finished_at`, when the API gives both as times and no `run_time`. */
function runDuration(run: RunItem | undefined): string | undefined {
  const finished = Date.parse(typeof run?.finished_at === 'string' ? run.finished_at : '');
  const started = Date.parse(run?.started_at ?? run?.created_at ?? '');
  return Number.isNaN(finished) || Number.isNaN(started) || finished < started ? undefined : formatDuration(finished - started);
}
