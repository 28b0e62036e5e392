import type { OutputKey } from '../names.ts';
import type { UsageFigures } from '../oz/usage.ts';
import type { Artifact, RunItem } from '../oz/types.ts';
import {
  fitBytes,
  fitJson,
  MAX_ANSWER_OUTPUT_BYTES,
  MAX_ARTIFACTS_OUTPUT_BYTES,
  MAX_RUN_OUTPUT_BYTES,
  MAX_TEXT_OUTPUT_BYTES,
} from './limits.ts';
import type { Report } from './model.ts';
import { safeUrl } from './url.ts';

// The step's outputs, from the report: the same names for the action's outputs and the CLI's --json and --output-file.

/** The outputs that describe the run itself, named in the names table (src/names.ts). */
type RunOutput = OutputKey &
  (
    | 'run_id'
    | 'state'
    | 'session_link'
    | 'title'
    | 'status_message'
    | 'error_code'
    | 'retryable'
    | 'conversation_id'
    | 'pull_request_url'
    | 'artifacts'
    | 'run'
  );

/**
 * The step's outputs for a run; every one is set (empty when unknown) so later steps can rely on them.
 * URL outputs are http(s) only: anything else is dropped and told to `onDropped`. Long text is
 * shortened to stay within GitHub's output limits. The pull request and the artifacts are `artifacts`
 * (this request's, see reportArtifacts); the run itself is as the API gave it, every turn's artifacts in it.
 */
export function runOutputs(
  run: RunItem | undefined,
  runId: string | undefined,
  onDropped: (output: OutputKey, value: string) => void = () => {},
  artifacts: Artifact[] = run?.artifacts ?? [],
): Record<RunOutput, string> {
  const pr = artifacts.find((a) => a.artifact_type === 'PULL_REQUEST');
  const retryable = run?.status_message?.retryable;
  const url = (output: OutputKey, value: unknown): string => {
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

/** `credits`, `cost_usd` and `tokens` from the run's usage figures; empty when the API gave none. */
export function usageOutputs(figures: UsageFigures): Record<OutputKey & ('credits' | 'cost_usd' | 'tokens'), string> {
  const text = (value: number | undefined) => (value === undefined ? '' : String(value));
  return { credits: text(figures.credits), cost_usd: text(figures.costUsd), tokens: text(figures.tokens) };
}

/** The outputs of what the agent did: its answer, the structured output and the files saved. */
export function agentOutputs(
  report: Pick<Report, 'agentOutput' | 'structured' | 'downloadedFiles' | 'followedUp' | 'followupId' | 'conversation'>,
): Record<OutputKey & ('followed_up' | 'followup_id' | 'agent_output' | 'structured_output' | 'downloaded_files'), string> {
  return {
    followed_up: String(report.followedUp === true),
    followup_id: report.followupId ?? '',
    agent_output:
      report.conversation !== undefined
        ? fitJson(report.conversation, MAX_ANSWER_OUTPUT_BYTES)
        : fitBytes(report.agentOutput ?? '', MAX_ANSWER_OUTPUT_BYTES),
    structured_output: report.structured?.ok ? fitJson(report.structured.value, MAX_ANSWER_OUTPUT_BYTES) : '',
    downloaded_files: JSON.stringify(report.downloadedFiles ?? []),
  };
}
