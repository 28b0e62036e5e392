import type { OutputKey } from '../names.ts';
import { REQUEST_ID_KEY } from '../oz/metadata.ts';
import type { CancelResult } from '../run/cancel.ts';
import { isRunNotFound } from '../run/existing.ts';
import type { RunNotice } from '../run/lifecycle.ts';
import type { Report } from '../report/model.ts';
import { verdict, type RunResult, type StopHandling } from '../run/outcome.ts';
import type { RunSettings } from '../settings/settings.ts';
import type { Vocabulary } from './vocabulary.ts';

/** An error's message as the first part of a sentence that goes on: without its own final full stop (no "..."). */
export function clause(message: string | undefined): string {
  return (message ?? '').replace(/\.$/, '');
}

// The sentences of both front ends, built from the facts the core returns and the front end's vocabulary.

/** An output named in a sentence, by its name in the names table. */
function outputNamed(name: OutputKey): string {
  return `${name} output`;
}

/** A line for the log, and whether it is a warning. */
export interface Line {
  warning: boolean;
  text: string;
}

const info = (text: string): Line => ({ warning: false, text });
const warning = (text: string): Line => ({ warning: true, text });

/** What came of a cancel, for the log. */
export function cancelLine(runId: string, result: CancelResult): Line {
  switch (result.outcome) {
    case 'cancelled':
      return info(`Cancelled Oz run ${runId}.`);
    case 'already-ended':
      return info(`Oz run ${runId} had already ended; nothing to cancel.`);
    case 'not-cancellable':
      // Seen with self-hosted runs (the SDK documents a 422 for them): say it as it is, not as a glitch.
      return warning(
        `Oz refused to cancel run ${runId}: it cannot be cancelled through the API (${result.error?.message}). ` +
          'Runs on a self-hosted worker may refuse a cancel. It may keep running: stop it from Oz or from its worker.',
      );
    case 'failed':
      return warning(`Could not cancel Oz run ${runId}: ${clause(result.error?.message)}. It may keep running.`);
  }
}

/** A fact the lifecycle told, as a log line. */
export function noticeLine(notice: RunNotice, words: Vocabulary): Line {
  switch (notice.kind) {
    case 'created':
      return info(
        `Created Oz run ${notice.runId} (${notice.state})${notice.adopted ? ', found again after its create answer was lost' : ''}.`,
      );
    case 'followed-up':
      return followedUpLine(notice);
    case 'watching':
      return info(`Watching existing Oz run ${notice.runId}.`);
    case 'cancel':
      return cancelLine(notice.runId, notice.cancel);
    case 'unknown-state':
      return warning(`Oz reported the state ${notice.state}, which ${words.self} does not know yet; treating it as still running.`);
    case 'read-failed':
      return warning(
        `Could not read Oz run ${notice.runId}: ${notice.stillWatching ? `${clause(notice.error.message)}. Still watching.` : notice.error.message}`,
      );
    case 'create-unknown':
      return warning(`Could not check whether the unanswered create started a run: ${clause(notice.error.message)}. It may be running.`);
    case 'save-failed':
      return warning(`Could not save the run's files: ${notice.error.message}`);
    case 'setup-failed':
      return warning(
        `Oz run ${notice.runId} ended ${notice.state} while ${notice.phase}: its environment did not finish setting up, so the agent never started.`,
      );
    case 'may-exist':
      return warning(`A run may have been started and was not found: look for the metadata ${REQUEST_ID_KEY}=${notice.requestId} in Oz.`);
  }
}

/** How the API took a follow-up (its answer's `outcome`), in plain words. */
const FOLLOWUP_OUTCOMES: Record<string, string> = {
  live_session: "the agent's live session took it",
  queued_prompt: 'the run had not started yet, so it was added to its prompt',
  handoff_execution: 'the run had ended, so a new environment starts for it',
  queue_pending: 'it waits in the queue until the run can take it',
};

function followedUpLine(notice: Extract<RunNotice, { kind: 'followed-up' }>): Line {
  if (notice.debugging) {
    return info(
      `Sent a follow-up to Oz run ${notice.runId} (${notice.state}): the run failed while setting up its environment and keeps its session ` +
        'for debugging, so a debug agent takes it there. The run stays FAILED and no new end will come: not waiting for one.',
    );
  }
  const how = FOLLOWUP_OUTCOMES[notice.outcome ?? ''];
  return info(`Sent a follow-up to Oz run ${notice.runId} (${notice.state})${how ? `: ${how}` : ''}; watching it to its new end.`);
}

/** What came of the cancel, as the end of a sentence ("..., so the run was cancelled"). */
function cancelNote(cancel: CancelResult): string {
  if (cancel.outcome === 'cancelled') return 'the run was cancelled';
  if (cancel.outcome === 'not-cancellable') return 'a cancel was sent, and Oz refused it: the run may keep running';
  return `the run was not cancelled (${cancel.outcome})`;
}

/** What was done about a run stopped while it was watched, after `why`. */
function afterStop(why: string, handling: StopHandling, words: Vocabulary): string {
  switch (handling.kind) {
    case 'left-running':
      return `${why}; ${words.off('cancelOnAbort')}, so the run was left running.`;
    case 'cancel':
      return `${why}, so ${cancelNote(handling.cancel)}.`;
    case 'nothing-to-cancel':
      return `${why}.`;
    case 'unknown':
      return `${why}; it may still be running.`;
  }
}

/** The one sentence on a result for the summary and the failure message; undefined when the state says it all. */
export function outcomeNote(
  result: Pick<RunResult, 'outcome' | 'structured'>,
  settings: Pick<RunSettings, 'timeoutMs'>,
  words: Vocabulary,
) {
  const { outcome } = result;
  switch (outcome.kind) {
    case 'started':
      return `${words.off('wait')}: the run goes on after this ${words.unit}. Watch it in another ${words.unit} with ${words.setting('runId')}.`;
    case 'debugging':
      return (
        `The run failed while setting up its environment and keeps its session for debugging${outcome.until ? ` until ${outcome.until}` : ''}: ` +
        `the follow-up went to a debug agent in that session. The run stays FAILED, so no new end will come and this ${words.unit} ends now: ` +
        'open the session link to work with the debug agent, or start a new run to retry the task.'
      );
    case 'error':
      if (isRunNotFound(outcome.error)) {
        return `Oz run '${outcome.error.runId}' was not found: check ${words.setting('runId')}, which must be the id of a run this API key can read (the ${outputNamed('run_id')} of the ${words.unit} that started it). No run was started or cancelled.`;
      }
      return outcome.error.message;
    case 'stopped':
      if (outcome.phase !== 'watch') {
        // Stopped before the watch: while creating the run, or before a follow-up to an existing one was sent.
        const created = outcome.phase === 'create';
        return outcome.reason === 'timeout'
          ? `The run could not be ${created ? 'created' : 'followed up'} within ${words.setting('timeoutMinutes')}.`
          : `${words.cancellation} before ${created ? 'the run was created' : 'the follow-up was sent'}.`;
      }
      return afterStop(
        outcome.reason === 'timeout'
          ? `The run did not end within ${words.setting('timeoutMinutes')} (${settings.timeoutMs / 60_000})`
          : words.cancellation,
        outcome.handling,
        words,
      );
    case 'not-started':
      return `Not started: ${outcome.problems.join(' ')} (Checked before the run, a check skipped when ${words.off('preflight')}.)`;
    case 'over-budget':
      return `${outcome.budget.describe(words.setting('maxCredits'))} ${outcome.cancel.outcome === 'cancelled' ? 'The run was cancelled.' : `The run was not cancelled (${outcome.cancel.outcome}).`}`;
    case 'ended':
      if (outcome.state === 'SUCCEEDED' && result.structured !== undefined && !result.structured.ok) {
        return `The run succeeded, but its final answer has no valid structured output: ${result.structured.errors.join('; ')}.`;
      }
      return undefined;
  }
}

/** A result as the report the summary, the comment and the outputs are made from. */
export function reportOf(result: RunResult, settings: Pick<RunSettings, 'timeoutMs'>, words: Vocabulary): Report {
  const { outcome: _outcome, settled: _settled, ...facts } = result;
  const note = outcomeNote(result, settings, words);
  return {
    ...facts,
    outcome: verdict(result),
    ...(note !== undefined && { note }),
    // Only the check before the run ends a run result as not started, after reading the catalogue.
    ...(result.outcome.kind === 'not-started' && { catalogueRead: true }),
  };
}
