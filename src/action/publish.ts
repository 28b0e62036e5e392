import * as core from '@actions/core';
import type { Feedback } from '../github/feedback.ts';
import { renderSummary, runOutputs, type Report } from '../report/summary.ts';
import type { RunItem } from '../oz/types.ts';

/** The error annotation for a run that ended other than SUCCEEDED: state, why, and whether to retry. */
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

/** Outputs, job summary and the step's status, for every outcome. */
export async function finish(report: Report, feedback?: Feedback): Promise<void> {
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
