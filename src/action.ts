import * as core from '@actions/core';
import { randomUUID } from 'node:crypto';
import { cancelRun, type CancelResult } from './cancel.ts';
import { createRunExactlyOnce } from './create-run.ts';
import type { Feedback } from './feedback.ts';
import { buildMetadata, readGitHubContext, workflowRunUrl } from './github-context.ts';
import { FORK_WITHOUT_KEY, prepareGitHub } from './github-side.ts';
import { parseSettings, type Settings } from './inputs.ts';
import { OzClient, type RetryNotice, type RetryPolicy } from './oz-client.ts';
import { formatDuration, renderSummary, runOutputs, type Report } from './report.ts';
import { raceAbort } from './sleep.ts';
import { markSettled, saveRequestId, saveRunId } from './state.ts';
import { isTerminal, type RunItem } from './types.ts';
import { USER_AGENT } from './version.ts';
import { PollSchedule, StopSignal, watchRun } from './watch.ts';

/** Knobs for tests and the simulator; a workflow never sets them. */
export interface MainOptions {
  retry?: Partial<RetryPolicy>;
  /** How long a cancel may take after the workflow is cancelled (the runner kills the step soon after). */
  signalCancelBudgetMs?: number;
  /** How long a cancel may take after timeout_minutes. */
  timeoutCancelBudgetMs?: number;
  artifactGraceMs?: number;
  random?: () => number;
  /** How long finishing the comment and check run may take. */
  githubBudgetMs?: number;
}

/** Masks the API key and the GitHub token; this runs before anything else so no log line can show them. */
export function maskSecrets(): void {
  const key = core.getInput('warp_api_key') || (process.env.WARP_API_KEY ?? '').trim();
  if (key !== '') core.setSecret(key);
  const token = core.getInput('github_token');
  if (token !== '') core.setSecret(token);
}

export function makeClient(settings: Pick<Settings, 'apiBaseUrl' | 'apiKey'>, retry?: Partial<RetryPolicy>): OzClient {
  return new OzClient({
    baseUrl: settings.apiBaseUrl,
    apiKey: settings.apiKey,
    userAgent: USER_AGENT,
    ...(retry && { retry }),
    onRetry: ({ what, attempt, delayMs, error }: RetryNotice) =>
      core.info(`${what}: try ${attempt} failed (${error.message}); trying again in ${(delayMs / 1000).toFixed(1)} s`),
  });
}

/** Logs a cancel's outcome; returns whether the run is taken care of (nothing left for the post step). */
export function reportCancel(runId: string, result: CancelResult): boolean {
  switch (result.outcome) {
    case 'cancelled':
      core.info(`Cancelled Oz run ${runId}.`);
      return true;
    case 'already-ended':
      core.info(`Oz run ${runId} had already ended; nothing to cancel.`);
      return true;
    case 'not-cancellable':
      core.warning(`Oz run ${runId} cannot be cancelled through the API (${result.error?.message}); it may keep running.`);
      return true;
    case 'failed':
      core.warning(`Could not cancel Oz run ${runId}: ${result.error?.message}. It may keep running.`);
      return false;
  }
}

/** Settings for the debug log: no key, and MCP servers by name only (their env and headers often hold tokens). */
function describeSettings(settings: Settings): string {
  const servers = settings.create?.config?.mcp_servers;
  return JSON.stringify({ ...settings, apiKey: '***' }, (key, value: unknown) =>
    key === 'mcp_servers' && servers ? Object.keys(servers) : value,
  );
}

function failureMessage(run: RunItem): string {
  const status = run.status_message;
  let message = `Oz run ${run.run_id} ended ${run.state}`;
  if (status?.message) message += `: ${status.message}`;
  if (status?.error_code) message += ` [${status.error_code}]`;
  if (status?.retryable === true) message += '. Retryable: a new run may succeed.';
  else if (status?.retryable === false) message += '. Not retryable: fix the cause before running again.';
  if (run.state === 'BLOCKED') message += ' The agent needs a person: open the session to unblock it.';
  if (run.session_link) message += ` Session: ${run.session_link}`;
  return message;
}

/**
 * The main step: parse inputs, create (or pick up) a run, watch it to its end, then report it in the
 * outputs and job summary and fail the step unless it succeeded. Never throws.
 */
export async function runMain(options: MainOptions = {}): Promise<void> {
  maskSecrets();
  const startedAt = Date.now();
  const context = readGitHubContext();
  const report: Report = { outcome: 'error', ...(context.pullRequest && { pullRequest: context.pullRequest }) };
  const runUrl = workflowRunUrl(context);
  if (runUrl) report.workflowRunUrl = runUrl;
  core.setOutput('skipped', 'false');

  let settings: Settings;
  try {
    settings = parseSettings(core.getInput);
  } catch (error) {
    // Nothing was sent: say what is wrong, in the log and the summary.
    const missingKey = (error as Error).message.startsWith('Missing warp_api_key');
    report.note = missingKey && context.event.isForkPullRequest ? FORK_WITHOUT_KEY : (error as Error).message;
    await finish(report);
    return;
  }
  core.debug(`Settings: ${describeSettings(settings)}`);

  let feedback: Feedback | undefined;
  try {
    const github = await prepareGitHub(settings, context);
    if (github.skip !== undefined) {
      core.setOutput('skipped', 'true');
      core.notice(`Not starting an Oz agent: ${github.skip}.`);
      await finish({ ...report, outcome: 'skipped', note: `Not started: ${github.skip}.` });
      return;
    }
    feedback = github.feedback;
  } catch (error) {
    report.note = (error as Error).message;
    await finish(report);
    return;
  }

  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) return;
    core.info(`Received ${signal}: the workflow was cancelled or the step timed out.`);
    stop.abort(new StopSignal('cancelled'));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const deadline = setTimeout(() => stop.abort(new StopSignal('timeout')), settings.timeoutMs);

  const client = makeClient(settings, options.retry);
  let settled = false;

  try {
    let runId = settings.runId;
    let startState = '';
    if (settings.create) {
      const requestId = randomUUID();
      saveRequestId(requestId);
      const { metadata, dropped } = buildMetadata(context, settings.userMetadata);
      if (dropped.length > 0) core.info(`Run metadata is limited to 20 keys; left out: ${dropped.join(', ')}`);
      const created = await createRunExactlyOnce(client, { ...settings.create, metadata }, requestId, stop.signal);
      runId = created.runId;
      startState = created.state;
      saveRunId(runId);
      core.setOutput('run_id', runId);
      core.info(`Created Oz run ${runId} (${created.state})${created.adopted ? ', found again after its create answer was lost' : ''}.`);
      feedback?.progress({ state: created.state, ...(settings.create.title && { title: settings.create.title }) });
    } else if (runId !== undefined) {
      saveRunId(runId);
      core.setOutput('run_id', runId);
      core.info(`Watching existing Oz run ${runId}.`);
    }
    report.runId = runId!;

    if (!settings.wait) {
      settled = true;
      report.outcome = 'started';
      report.note = 'wait is false: the run goes on after this step. Watch it in another step with run_id.';
      try {
        report.run = await raceAbort(client.getRun(runId!, stop.signal), stop.signal);
        if (report.run.session_link) core.info(`Watch the agent: ${report.run.session_link}`);
      } catch (error) {
        // The run exists and is meant to go on: a failed read only leaves some outputs empty.
        core.warning(`Could not read Oz run ${runId}: ${(error as Error).message}`);
        report.run = { run_id: runId!, state: startState };
      }
      return;
    }

    let linkShown = false;
    const result = await watchRun({
      client,
      runId: runId!,
      schedule: new PollSchedule(settings.pollIntervalMs, settings.maxPollIntervalMs, options.random),
      signal: stop.signal,
      artifactGraceMs: options.artifactGraceMs ?? Math.min(settings.pollIntervalMs, 2000),
      onStateChange: (run, previous) => {
        const elapsed = formatDuration(Date.now() - startedAt);
        core.info(`[${elapsed}] ${previous ? `${previous} -> ${run.state}` : `${run.state}${run.title ? `: ${run.title}` : ''}`}`);
        feedback?.progress(run);
        if (!linkShown && run.session_link) {
          linkShown = true;
          core.info(`Watch the agent: ${run.session_link}`);
        }
      },
      onUnknownState: (state) =>
        core.warning(`Oz reported the state ${state}, which this action does not know yet; treating it as still running.`),
      onReadError: (error) => core.warning(`Could not read Oz run ${runId}: ${error.message}. Still watching.`),
    });
    if (result.run) report.run = result.run;

    if (result.stopped) {
      report.outcome = result.stopped;
      const why =
        result.stopped === 'timeout'
          ? `The run did not end within timeout_minutes (${settings.timeoutMs / 60_000})`
          : 'The workflow was cancelled';
      if (!settings.cancelOnAbort) {
        settled = true;
        report.note = `${why}; cancel_on_abort is false, so the run was left running.`;
        return;
      }
      const budget = result.stopped === 'timeout' ? (options.timeoutCancelBudgetMs ?? 30_000) : (options.signalCancelBudgetMs ?? 5000);
      const cancel = await cancelRun(client, runId!, budget);
      settled = reportCancel(runId!, cancel);
      report.note = `${why}, so the run was ${cancel.outcome === 'cancelled' ? 'cancelled' : `not cancelled (${cancel.outcome})`}.`;
      // One quick read so the outputs show the state after the cancel.
      try {
        report.run = await raceAbort(client.getRun(runId!), AbortSignal.timeout(Math.min(budget, 3000)));
      } catch {
        // The state before the cancel stays in the report.
      }
      return;
    }

    settled = true;
    report.outcome = result.run?.state === 'SUCCEEDED' ? 'succeeded' : 'failed';
  } catch (error) {
    if (error instanceof StopSignal) {
      report.outcome = error.reason;
      report.note =
        error.reason === 'timeout'
          ? 'The run could not be created within timeout_minutes.'
          : 'The workflow was cancelled before the run was created.';
    } else {
      report.outcome = 'error';
      report.note = (error as Error).message;
      // The step is ending while the run may still be live: do not leave an agent behind.
      if (report.runId && !isTerminal(report.run?.state) && settings.cancelOnAbort && settings.wait) {
        settled = reportCancel(report.runId, await cancelRun(client, report.runId, options.timeoutCancelBudgetMs ?? 30_000));
      }
    }
  } finally {
    clearTimeout(deadline);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (settled || isTerminal(report.run?.state)) markSettled();
    report.elapsedMs = Date.now() - startedAt;
    if (feedback) {
      // GitHub gets a bounded time: the runner kills a cancelled step soon, and the post step finishes what is left.
      await raceAbort(feedback.finish(report), AbortSignal.timeout(options.githubBudgetMs ?? 15_000)).catch(() =>
        core.warning('GitHub did not answer in time; the pull request comment or check run may be out of date.'),
      );
    }
    await finish(report, feedback);
  }
}

/** Outputs, job summary and the step's status, for every outcome. */
async function finish(report: Report, feedback?: Feedback): Promise<void> {
  const outputs = runOutputs(report.run, report.runId);
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
  core.setOutput('comment_url', feedback?.commentUrl ?? '');
  core.setOutput('check_run_id', feedback?.checkRunId?.toString() ?? '');
  await writeSummary(report);

  if (report.outcome === 'skipped') return;
  if (report.outcome === 'succeeded') {
    core.info(`Oz run ${outputs.run_id} succeeded.${outputs.pull_request_url ? ` Pull request: ${outputs.pull_request_url}` : ''}`);
  } else if (report.outcome === 'started') {
    core.info(`Oz run ${outputs.run_id} started (${outputs.state}); not waiting for it.`);
  } else if (report.outcome === 'failed' && report.run) {
    core.setFailed(failureMessage(report.run));
  } else {
    const run = outputs.run_id ? `Oz run ${outputs.run_id}${outputs.state ? ` (${outputs.state})` : ''}: ` : '';
    core.setFailed(`${run}${report.note ?? 'the run did not succeed.'}`);
  }
}

async function writeSummary(report: Report): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(renderSummary(report), true).write();
  } catch (error) {
    // A summary that cannot be written must not hide how the run went.
    core.warning(`Could not write the job summary: ${(error as Error).message}`);
  }
}
