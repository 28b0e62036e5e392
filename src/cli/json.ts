import { reportArtifacts } from '../report/model.ts';
import type { Report } from '../report/model.ts';

/** Outputs that are true, false or unknown (null) rather than text. */
const BOOLEANS = new Set(['retryable', 'followed_up']);
/** Outputs that are numbers, or null when the API did not report them. */
const NUMBERS = new Set(['credits', 'cost_usd', 'tokens']);

/** Outputs that are JSON values, taken from the report whole (the action's outputs are shortened text). */
const VALUES: Record<string, (report: Report) => unknown> = {
  run: (report) => report.run ?? null,
  // This request's: on a follow-up, not the artifacts earlier turns left on the run (those are in `run`).
  artifacts: (report) => reportArtifacts(report),
  structured_output: (report) => (report.structured?.ok ? report.structured.value : null),
  downloaded_files: (report) => report.downloadedFiles ?? [],
};

/**
 * What `--json` prints: the outputs with their types (the run an object, artifacts and files arrays,
 * booleans true, false or null; text '' when unknown), plus `outcome` and `exit_code`, so that
 * `jq .run.state` or `jq -r .pull_request_url` work on it.
 */
export function jsonResult(report: Report, outputs: Record<string, string>, exitCode: number): Record<string, unknown> {
  const result: Record<string, unknown> = { outcome: report.outcome, exit_code: exitCode };
  for (const [name, text] of Object.entries(outputs)) {
    const value = VALUES[name];
    if (value) result[name] = value(report);
    else if (BOOLEANS.has(name)) result[name] = text === '' ? null : text === 'true';
    else if (NUMBERS.has(name)) result[name] = text === '' ? null : Number(text);
    else if (name === 'agent_output' && report.conversation !== undefined) result[name] = report.conversation;
    else result[name] = text;
  }
  result.note = report.note ?? '';
  return result;
}
