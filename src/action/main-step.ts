import { isInputError, messageOf } from '../errors.ts';
import * as core from '@actions/core';
import type { Feedback } from '../github/feedback.ts';
import { describeRestart } from '../threads/restart.ts';
import { buildMetadata, readGitHubContext, workflowRunUrl, type GitHubContext } from '../github/context.ts';
import type { RetryPolicy } from '../oz/http.ts';
import { raceAbort } from '../oz/sleep.ts';
import { activityLine, sessionLine, stateLine } from '../report/progress.ts';
import type { Report } from '../report/model.ts';
import { runWithStopHandling } from '../front/run.ts';
import { reportOf } from '../front/words.ts';
import type { LifecycleOptions } from '../run/lifecycle.ts';
import type { RunResult } from '../run/outcome.ts';
import { planOf } from '../run/plan.ts';
import { type Redaction } from './redaction.ts';
import { type StepTimings } from './timings.ts';
import { readInputs, type StepInputs } from './inputs.ts';
import { ACTION_WORDS } from './vocabulary.ts';
import { FORK_WITHOUT_KEY, prepareGitHub, type GitHubSide } from './github-setup.ts';
import type { Reaction } from '../github/types.ts';
import type { Settings } from '../settings/inputs.ts';
import { finish, setOutput } from './publish.ts';
import { markSettled, saveFollowedUp, saveFinishing, saveRequestId, saveRunId, type Finishing } from './state.ts';
import { artifactKey } from '../run/turn.ts';
import type { ActionPlan, Reviewing } from '../review/step.ts';
import * as log from './log.ts';

/** Knobs for tests and the simulator; a workflow never sets them. */
export interface MainOptions extends Omit<LifecycleOptions, 'startedAt'>, StepTimings {
  retry?: Partial<RetryPolicy>;
  /** How long finishing the comment and check run may take. */
  githubBudgetMs?: number;
}

/** Settings for the debug log: no key, and MCP servers by name only (their env and headers often hold tokens). */
function describeSettings(settings: Settings): string {
  const servers = settings.create?.config?.mcp_servers;
  return JSON.stringify({ ...settings, apiKey: '***', githubToken: settings.githubToken ? '***' : '' }, (key, value: unknown) =>
    key === 'mcp_servers' && servers ? Object.keys(servers) : value,
  );
}

/**
 * The main step: parse inputs, get GitHub ready, run the agent (create or pick up a run and watch it
 * to its end), then report it in the outputs, job summary, comment and check run, and fail the step
 * unless it succeeded. Never throws.
 */
export async function runMain(options: MainOptions = {}): Promise<void> {
  const startedAt = Date.now();
  // First: the inputs parsed and their secrets masked, before the step says anything.
  const inputs = await readInputs();
  const { redaction } = inputs;
  const context = readGitHubContext();
  const event = eventFacts(context);
  setOutput('skipped', 'false');

  const settings = await readSettings(inputs, event, context);
  if (settings === undefined) return;
  const github = await prepareGitHubSide(settings, context, event, { redaction, timings: options });
  if (github === undefined) return;

  const reactions = reactor(github);
  await reactions('eyes');
  // A review is a new plan: the settings and target as parsed stay as they are.
  const plan = planOf(settings, github.target!);
  const reviewing: Reviewing = settings.review ? await (await import('./github-side.ts')).planReview(plan, context, github) : { plan };
  const result = await runAgent(reviewing.plan, context, { feedback: github.feedback, redaction }, options, startedAt);
  const ran: Report = { ...event, ...reportOf(result, reviewing.plan.settings, ACTION_WORDS), elapsedMs: Date.now() - startedAt };
  // Saved before GitHub is asked anything more (a reaction, the review): a step stopped while it waits
  // leaves the post step the outcome to report, not the run's state alone, which would pass a check
  // whose review asked for changes or whose answer failed its schema.
  if (result.settled) markSettled();
  if (github.feedback) saveFinishing(finishingOf(ran, reviewing));
  // wait: false leaves the run going: there is no outcome to react with yet.
  if (ran.outcome !== 'started') await reactions(ran.outcome === 'succeeded' ? 'rocket' : 'confused');
  const review = reviewing.review && (await (await import('./github-side.ts')).publishReview(reviewing, ran, github, redaction));
  const report: Report = { ...ran, ...(review && { review }) };
  await log.drained();
  await finishOnGitHub(report, github.feedback, options.githubBudgetMs);
  await finish(report, redaction, github.feedback);
}

/**
 * Reactions on the comment (or issue) that mentioned the trigger phrase: 👀 when the agent starts,
 * then 🚀 or 😕 for how it went. Without permission to react, one warning, and the step carries on.
 */
function reactor(github: GitHubSide): (content: Reaction) => Promise<void> {
  let off = github.mention?.target === undefined || github.api === undefined;
  return async (content) => {
    if (off) return;
    try {
      await (await github.api!()).react(github.mention!.target!, content);
    } catch (error) {
      off = true;
      core.warning(
        `Could not react to the comment (${messageOf(error)}); add \`pull-requests: write\` or \`issues: write\` to the job's permissions to get reactions.`,
      );
    }
  };
}

/** What every report says of the event: the workflow run and the pull request it concerns. */
type EventFacts = Pick<Report, 'pullRequest' | 'workflowRunUrl'>;

function eventFacts(context: GitHubContext): EventFacts {
  const runUrl = workflowRunUrl(context);
  return { ...(context.pullRequest && { pullRequest: context.pullRequest }), ...(runUrl && { workflowRunUrl: runUrl }) };
}

/** The settings as parsed; on bad input, reports it (nothing was sent) and returns undefined. */
async function readSettings(inputs: StepInputs, event: EventFacts, context: GitHubContext): Promise<Settings | undefined> {
  if (!inputs.ok) {
    const { error } = inputs;
    // A fork's pull request gets no secrets: a missing key there is GitHub's doing, and the note says so.
    const missingKey = isInputError(error) && error.reason === 'missing' && error.setting === ACTION_WORDS.setting('apiKey');
    const note = missingKey && context.event.isForkPullRequest ? FORK_WITHOUT_KEY : messageOf(error);
    await finish({ ...event, outcome: 'not_started', note }, inputs.redaction);
    return undefined;
  }
  const { settings } = inputs;
  log.showDebug(settings.debug === true);
  tellNotes(settings);
  // The prompt may quote a stranger's text (a comment, an issue): where debug lines are shown it is
  // searched for credentials like the agent's; elsewhere the runner drops the line.
  const described = `Settings: ${describeSettings(settings)}`;
  if (log.debugVisible()) log.infoWhenRedacted(inputs.redaction.redactAll(described), log.debug);
  else log.debug(described);
  return settings;
}

/** Inputs read otherwise than written (the official action's, a bot without [bot]): said once, before the run. */
function tellNotes(settings: Settings): void {
  for (const warning of settings.notes.warnings) core.warning(warning);
  for (const notice of settings.notes.notices) core.notice(notice);
}

/** Trusted trigger, comment and check run; reports a skip or a failure and returns undefined then. */
async function prepareGitHubSide(
  settings: Settings,
  context: GitHubContext,
  event: EventFacts,
  { redaction, timings }: { redaction: Redaction; timings: StepTimings },
): Promise<GitHubSide | undefined> {
  try {
    const github = await prepareGitHub(settings, context, redaction, timings);
    if (github.skip === undefined) return github;
    setOutput('skipped', 'true');
    core.notice(`Not starting an Oz agent: ${github.skip}.`);
    await finish({ ...event, outcome: 'skipped', note: `Not started: ${github.skip}.` }, redaction);
  } catch (error) {
    await finish({ ...event, outcome: 'not_started', note: messageOf(error) }, redaction);
  }
  return undefined;
}

/** Creates (or picks up) the run and watches it within timeout_minutes and the workflow's cancellation. */
async function runAgent(
  plan: ActionPlan,
  context: GitHubContext,
  { feedback, redaction }: { feedback: Feedback | undefined; redaction: Redaction },
  options: MainOptions,
  startedAt: number,
): Promise<RunResult> {
  const { settings, target } = plan;
  const { metadata, dropped } = buildMetadata(context, settings.userMetadata);
  if (target.kind === 'create' && dropped.length > 0) log.info(`Run metadata is limited to 20 keys; left out: ${dropped.join(', ')}`);
  const { retry, githubBudgetMs: _budget, progressIntervalMs, githubRequestTimeoutMs: _timeout, ...lifecycle } = options;
  const { result } = await runWithStopHandling({
    plan,
    metadata,
    words: ACTION_WORDS,
    say: { info: (message) => log.info(message), warning: (message) => core.warning(message), debug: (message) => log.debug(message) },
    onSignal: (signal) => log.info(`Received ${signal}: the workflow was cancelled or the step timed out.`),
    ...(feedback && { onStop: (stop: AbortSignal) => feedback.stopWith(stop) }),
    ...(retry && { retry }),
    events: {
      requestId: saveRequestId,
      runId: (id) => {
        saveRunId(id, redaction.redact);
        setOutput('run_id', redaction.redact(id));
      },
      followedUp: (before) => saveFollowedUp((before.artifacts ?? []).map(artifactKey), before.updated_at, redaction.redact),
      restarted: (why) => {
        const sentence = describeRestart(why);
        core.warning(sentence);
        feedback?.aside(sentence);
      },
      progress: (run) => feedback?.progress(run),
      stateChange: (run, previous, elapsedMs) => log.infoWhenRedacted(redaction.redactAll(stateLine(run, previous, elapsedMs))),
      sessionLink: (url) => {
        const line = sessionLine(url);
        if (line) log.info(line);
        else log.debug('The session link from the API is not an http(s) URL; it is not shown.');
      },
      ...((settings.logProgress || (feedback && settings.commentProgress)) && {
        activity: (line: string, elapsedMs: number) => {
          feedback?.agentDid(line);
          // Redacted whole, before activityLine shortens it: a cut-off key block would escape the detector.
          if (settings.logProgress) log.infoWhenRedacted(redaction.redactAll(line).then((safe) => activityLine(safe, elapsedMs)));
        },
      }),
      debug: (message) => log.debug(message),
    },
    options: { ...progressTimings(progressIntervalMs), ...lifecycle, startedAt, workspace: process.env.GITHUB_WORKSPACE || process.cwd() },
  });
  return result;
}

/** The conversation read timings, shortened for tests (see StepTimings). */
function progressTimings(ms: number | undefined): Pick<LifecycleOptions, 'conversationIntervalMs' | 'firstConversationReadMs'> {
  return ms === undefined ? {} : { conversationIntervalMs: ms, firstConversationReadMs: ms };
}

/** How the comment and check run report the run: its outcome, and whether the agent's review asks for changes (its verdict, posted or not). */
function finishingOf(ran: Report, reviewing: Reviewing): Finishing {
  const verdict = reviewing.review && ran.structured?.ok ? (ran.structured.value as { verdict?: unknown }).verdict : undefined;
  return { outcome: ran.outcome, requestChanges: verdict === 'request_changes' };
}

/**
 * Finishes the comment and check run; GitHub gets a bounded time. The state says how the run is
 * reported (and, as each is done, that it is: see markFinished), so a post step finishes them when
 * this step cannot (GitHub did not answer in time, or the step was stopped meanwhile: a signal now
 * ends the process, no handler is left).
 */
async function finishOnGitHub(report: Report, feedback: Feedback | undefined, budgetMs = 15_000): Promise<void> {
  if (!feedback) return;
  // The budget also aborts the requests still waiting for GitHub, so none is left running.
  const budget = AbortSignal.timeout(budgetMs);
  await raceAbort(feedback.finish(report, budget), budget).catch(() =>
    core.warning('GitHub did not answer in time; the pull request comment or check run may be out of date.'),
  );
}
