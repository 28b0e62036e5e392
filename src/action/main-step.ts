import * as core from '@actions/core';
import { randomUUID } from 'node:crypto';
import { cancelRun } from '../run/cancel.ts';
import { createRunExactlyOnce } from '../run/create.ts';
import type { Feedback } from '../github/feedback.ts';
import { buildMetadata, readGitHubContext, workflowRunUrl } from '../github/context.ts';
import { FORK_WITHOUT_KEY, prepareGitHub } from './github-setup.ts';
import { parseSettings, type Settings } from './inputs.ts';
import type { RetryPolicy } from '../oz/client.ts';
import { formatDuration, type Report } from '../report/summary.ts';
import { raceAbort } from '../oz/sleep.ts';
import { markSettled, saveRequestId, saveRunId } from './state.ts';
import { makeClient, maskSecrets, reportCancel } from './common.ts';
import { finish } from './publish.ts';
import { isTerminal } from '../oz/types.ts';
import { PollSchedule, StopSignal, watchRun } from '../run/watch.ts';

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

/** Settings for the debug log: no key, and MCP servers by name only (their env and headers often hold tokens). */
function describeSettings(settings: Settings): string {
  const servers = settings.create?.config?.mcp_servers;
  return JSON.stringify({ ...settings, apiKey: '***' }, (key, value: unknown) =>
    key === 'mcp_servers' && servers ? Object.keys(servers) : value,
  );
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
