import { messageOf } from '../errors.ts';
import * as core from '@actions/core';
import type { Feedback } from '../github/feedback.ts';
import { fitChars } from '../report/limits.ts';
import { safeUrl } from '../report/url.ts';
import { usageFigures } from '../oz/usage.ts';
import { reportArtifacts, type Report } from '../report/model.ts';
import { agentOutputs, runOutputs, usageOutputs } from '../report/outputs.ts';
import { renderSummary } from '../report/summary.ts';
import { reviewOutputs } from '../review/text.ts';
import type { Redaction } from './redaction.ts';
import { ACTION_WORDS } from './vocabulary.ts';
import type { RunItem } from '../oz/types.ts';
import * as log from './log.ts';
import type { OutputKey } from '../names.ts';

/** Sets one of the action's outputs, by its name in the names table (src/names.ts). */
export function setOutput(name: OutputKey, value: string): void {
  core.setOutput(name, value);
}

/** The error annotation for a run that ended other than SUCCEEDED: state, why, and whether to retry. */
function failureMessage(run: RunItem): string {
  const status = run.status_message;
  let message = `Oz run ${run.run_id} ended ${run.state}`;
  if (status?.message) message += `: ${fitChars(status.message)}`;
  if (status?.error_code) message += ` [${fitChars(status.error_code, 100)}]`;
  if (status?.retryable === true) message += '. Retryable: a new run may succeed.';
  else if (status?.retryable === false) message += '. Not retryable: fix the cause before running again.';
  if (run.state === 'BLOCKED') message += ' The agent needs a person: open the session to unblock it.';
  const session = safeUrl(run.session_link);
  if (session) message += ` Session: ${session}`;
  return message;
}

/**
 * Outputs, job summary and the step's status, for every outcome. The outputs and the summary are
 * files the runner does not mask: the API key and the token, and any credential the agent or the API
 * wrote, are taken out of them here.
 */
export async function finish(unredacted: Report, { redact, redactAll }: Redaction, feedback?: Feedback): Promise<void> {
  const report = await redactAll(unredacted);
  const outputs = runOutputs(
    report.run,
    report.runId,
    (name) => log.debug(`The ${name} from the API is not an http(s) URL; the output is left empty.`),
    reportArtifacts(report),
  );
  for (const [name, value] of Object.entries({
    ...outputs,
    ...agentOutputs(report),
    ...usageOutputs(usageFigures(report.run?.request_usage, report.harnessTokens)),
    ...reviewOutputs(report.review),
  }))
    core.setOutput(name, redact(value));
  setOutput('comment_url', feedback?.commentUrl ?? '');
  setOutput('check_run_id', feedback?.checkRunId?.toString() ?? '');
  await writeSummary(renderSummary(report, ACTION_WORDS), redact);

  if (report.outcome === 'skipped') return;
  if (report.outcome === 'succeeded') {
    log.info(`Oz run ${outputs.run_id} succeeded.${outputs.pull_request_url ? ` Pull request: ${outputs.pull_request_url}` : ''}`);
  } else if (report.outcome === 'started') {
    log.info(`Oz run ${outputs.run_id} started (${outputs.state}); not waiting for it.`);
  } else if (report.outcome === 'failed' && report.run) {
    core.setFailed(failureMessage(report.run));
  } else {
    const run = outputs.run_id ? `Oz run ${outputs.run_id}${outputs.state ? ` (${outputs.state})` : ''}: ` : '';
    core.setFailed(`${run}${report.note ?? 'the run did not succeed.'}`);
  }
}

async function writeSummary(summary: string, redact: (text: string) => string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(redact(summary), true).write();
  } catch (error) {
    // A summary that cannot be written must not hide how the run went.
    core.warning(`Could not write the job summary: ${messageOf(error)}`);
  }
}
