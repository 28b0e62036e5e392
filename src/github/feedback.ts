import { isGitHubApiError, isStoppedRequest, type CheckConclusion, type CheckUpdate, type GitHubApi } from './types.ts';
import { COMMENT_MARKER_PREFIX } from './event.ts';
import { fitChars, fitUnits, MAX_CHECK_TEXT_CHARS } from '../report/limits.ts';
import { escapeMarkdown, safeLink } from '../report/markdown.ts';
import { safeUrl } from '../report/url.ts';
import type { Report } from '../report/model.ts';
import { outcomeHeading, type SummaryWords } from '../report/summary.ts';
import { formatDuration } from '../report/duration.ts';
import { type Exchange, type ThreadState } from '../threads/state.ts';
import { conversationWithin, fitComment, summaryWithin } from './comment-fit.ts';
import { isTerminal, type RunItem } from '../oz/types.ts';
import { AgentActivity, EditThrottle, foldedLines, liveLines, MIN_EDIT_INTERVAL_MS, type ActivitySnapshot } from './live.ts';

/** The check run could not be created: the user relies on it to gate merges, so the step fails. */
export class CheckRunError extends Error {
  override name = 'CheckRunError';
}

export interface FeedbackOptions {
  /** The GitHub API, loaded on first use (after the run is created, when only a comment is wanted). */
  api: () => Promise<GitHubApi>;
  /** The pull request or issue to keep a comment on; none when pr_comment is off or the event has none. */
  thread?: number;
  /** Name of the check run to create; none when check_name is empty. */
  checkName?: string;
  /** The commit the check run is for. */
  headSha: string;
  /** Identifies this step's comment across re-runs of the job. */
  marker: string;
  workflowRunUrl?: string;
  warn: (message: string) => void;
  /** Told the comment's id once it exists, so the post step can finish it. */
  onComment?: (id: number) => void;
  /** Told when GitHub has answered the final comment or check run update, so a post step finishes only what is left. */
  onFinished?: (part: 'comment' | 'check') => void;
  /** A check run and comment the main step left in progress, for the post step to finish. */
  resume?: { checkRunId?: number; commentId?: number };
  /** How the front end names its settings in the summary the comment and check run show. */
  words: SummaryWords;
  /** Takes secrets out of text before it is written to GitHub (comments and check runs are not masked). */
  redact?: (text: string) => string;
  /**
   * A copy of a run or report with credentials the agent or the API wrote taken out, before it is
   * rendered (Markdown escaping would hide a token from the detector).
   */
  redactAll?: <T>(value: T) => Promise<T>;
  /** Show what the agent is doing in the comment while it works, and fold it under the answer at the end. */
  showActivity?: boolean;
  /** The least time between two live edits of the comment. Default 30 s. */
  editIntervalMs?: number;
  /** For notes that are not worth a warning (GitHub slowed the live edits down). */
  debug?: (message: string) => void;
  /**
   * A thread's conversation (trigger_phrase): the comment shows each request and answer instead of
   * one run's summary, and it is never looked up by marker (the caller found it, by its author).
   */
  conversation?: { state: ThreadState; exchange: Exchange };
  /** The check run's conclusion as decided by a step that had the whole report (the post step finishing the main step's). */
  conclusion?: CheckConclusion;
}

/**
 * How a live run is doing, in a word people use. A terminal state can reach the comment before the
 * step has finished its report: it is "finishing up" then, never "in progress" beside a final state.
 */
export function friendlyState(state: string): string {
  switch (state) {
    case 'QUEUED':
      return 'queued';
    case 'PENDING':
    case 'CLAIMED':
      return 'starting';
    case 'INPROGRESS':
      return 'working';
    default:
      return isTerminal(state) ? 'finishing up' : 'working';
  }
}

/** Comment text for a run still going on: the state in words, how long so far, where to watch. */
function progressBody(
  marker: string,
  run: Pick<RunItem, 'state' | 'title' | 'session_link'>,
  elapsedMs: number,
  workflowRunUrl?: string,
  activity: string[] = [],
): string {
  const links = [
    run.session_link ? safeLink('Watch the agent', run.session_link) : undefined,
    workflowRunUrl ? safeLink('Workflow run', workflowRunUrl) : undefined,
  ].filter(Boolean);
  return [
    marker,
    `## ⏳ The Oz agent is ${friendlyState(run.state)} (${formatDuration(elapsedMs)})`,
    '',
    ...(run.title ? [`**${escapeMarkdown(fitChars(run.title, 500))}**`, ''] : []),
    ...activity,
    links.length > 0 ? links.join(' · ') : 'The link to watch the agent appears here when it starts.',
  ].join('\n');
}

/** One line on a live run: the state in words, the time so far, where to watch. */
function progressLine(run: Pick<RunItem, 'state' | 'session_link'>, elapsedMs: number, workflowRunUrl?: string): string {
  const links = [
    run.session_link ? safeLink('Watch the agent', run.session_link) : undefined,
    workflowRunUrl ? safeLink('Workflow run', workflowRunUrl) : undefined,
  ].filter(Boolean);
  return `⏳ The Oz agent is ${friendlyState(run.state)} (${formatDuration(elapsedMs)})${links.length > 0 ? ` · ${links.join(' · ')}` : ''}`;
}

/** The conversation comment once the request is answered: the exchange with its answer, and how the run ended. */
function finishedConversation(
  conversation: { state: ThreadState; exchange: Exchange },
  report: Report,
  workflowRunUrl: string | undefined,
  words: SummaryWords,
  asides: string[],
  folded: string[] = [],
): string {
  const exchange: Exchange = {
    ...conversation.exchange,
    ...(report.agentOutput && { answer: report.agentOutput }),
    ...(report.run?.state && { state: report.run.state }),
  };
  const state: ThreadState = {
    ...(conversation.state.binding && { binding: conversation.state.binding }),
    exchanges: [...conversation.state.exchanges, exchange],
    ...((report.runId ?? conversation.state.runId) !== undefined && { runId: report.runId ?? conversation.state.runId }),
    ...((report.run?.conversation_id ?? conversation.state.conversationId) !== undefined && {
      conversationId: report.run?.conversation_id ?? conversation.state.conversationId,
    }),
  };
  const links = [
    report.run?.session_link ? safeLink('Open the agent session', report.run.session_link) : undefined,
    workflowRunUrl ? safeLink('Workflow run', workflowRunUrl) : undefined,
  ].filter(Boolean);
  const footer = [`**${outcomeHeading(report, words)}**${links.length > 0 ? ` · ${links.join(' · ')}` : ''}`];
  if (report.outcome !== 'succeeded' && report.note) footer.push('', escapeMarkdown(fitChars(report.note)));
  for (const aside of asides) footer.push('', aside);
  if (folded.length > 0) footer.push('', ...folded);
  return conversationWithin(state, footer);
}

/** The check run's conclusion for how the step ended. */
export function checkConclusion(report: Report): CheckConclusion {
  switch (report.outcome) {
    case 'succeeded':
      // A review that asks for changes holds the merge back, as a person's would.
      return report.review?.verdict === 'request_changes' ? 'failure' : 'success';
    case 'timeout':
      return 'timed_out';
    case 'cancelled':
      return 'cancelled';
    case 'failed':
      if (report.run?.state === 'BLOCKED') return 'action_required';
      if (report.run?.state === 'CANCELLED') return 'cancelled';
      return 'failure';
    default:
      return 'failure';
  }
}

const CHECK_TITLES: Record<CheckConclusion, string> = {
  success: 'The agent run succeeded',
  failure: 'The agent run did not succeed',
  cancelled: 'The agent run was cancelled',
  timed_out: 'The agent run timed out',
  action_required: 'The agent needs a person',
};

/**
 * Keeps a pull request (or issue) comment and a check run in step with the run. Comment failures only
 * warn (once); a check run that cannot be created is an error, since the user relies on it to gate
 * merges. Updates are queued so polling never waits for GitHub.
 */
export class Feedback {
  commentId: number | undefined;
  commentUrl: string | undefined;
  checkRunId: number | undefined;
  private readonly options: FeedbackOptions;
  private commentsOff = false;
  private readonly startedAt = Date.now();
  private queue: Promise<void> = Promise.resolve();
  private failed = false;
  /** Sentences the conversation comment adds under the current request (why it went to a new run). */
  private readonly asides: string[] = [];
  /** The run as last told, for the live comment. */
  private liveRun: (Pick<RunItem, 'state' | 'title' | 'session_link'> & { run_id?: string }) | undefined;
  /** What the live comment last showed, apart from the time: an edit that would change nothing else is not sent. */
  private liveShown: string | undefined;
  private finished = false;
  private slowedDown = false;
  private readonly activity = new AgentActivity();
  private readonly throttle: EditThrottle;
  /** Aborts the live edits in flight when the final text is due: it replaces whatever they were writing. */
  private readonly live = new AbortController();
  /** What the requests made now are aborted with (besides each one's own deadline). */
  private signal: AbortSignal = this.live.signal;

  constructor(options: FeedbackOptions) {
    this.options = options;
    this.checkRunId = options.resume?.checkRunId;
    this.commentId = options.resume?.commentId;
    this.throttle = new EditThrottle(options.editIntervalMs ?? MIN_EDIT_INTERVAL_MS);
  }

  /** Creates the check run, in progress, before the agent starts. Throws CheckRunError when it cannot. */
  async startCheck(): Promise<void> {
    const { checkName, headSha, workflowRunUrl } = this.options;
    if (!checkName) return;
    try {
      this.checkRunId = await (
        await this.github()
      ).createCheck(checkName, headSha, {
        status: 'in_progress',
        ...(workflowRunUrl && { detailsUrl: workflowRunUrl }),
        title: 'The agent is starting',
        summary: 'An Oz agent run is being created.',
      });
    } catch (error) {
      const status = isGitHubApiError(error) ? error.status : 0;
      const hint =
        status === 403 || status === 404
          ? " The token lacks permission: add `checks: write` to the job's permissions (and use github_token with that scope)."
          : '';
      throw new CheckRunError(
        `check_name is set, but the check run "${checkName}" could not be created: ${(error as Error).message}.${hint}`,
      );
    }
  }

  /**
   * The run's stop: live edits and check run updates still waiting for GitHub when the run is stopped
   * are aborted then (the final update follows, within its own budget).
   */
  stopWith(signal: AbortSignal): void {
    this.signal = AbortSignal.any([this.live.signal, signal]);
  }

  /** The GitHub API, its requests aborted with the current phase's signal. */
  private async github(): Promise<GitHubApi> {
    return (await this.options.api()).within(this.signal);
  }

  /** A sentence for the thread under the current request (plain text: it is escaped here). */
  aside(text: string): void {
    this.asides.push(escapeMarkdown(fitChars(text)));
  }

  /** The run exists, or changed state: update the comment (creating it the first time) and the check. */
  progress(unredacted: Pick<RunItem, 'state' | 'title' | 'session_link'> & { run_id?: string }): void {
    const runId = unredacted.run_id ?? this.liveRun?.run_id;
    this.liveRun = { ...unredacted, ...(runId !== undefined && { run_id: runId }) };
    // The first edit is at once (it creates the comment): the run id is in it as soon as the run exists.
    this.editLive();
    this.enqueue(async () => {
      if (this.checkRunId !== undefined) {
        // Only what is shown is searched for credentials, so the detector loads only when there is such text.
        const run = { ...unredacted, title: await this.redacted(unredacted.title) };
        const detailsUrl = safeUrl(run.session_link) ?? this.options.workflowRunUrl;
        await this.updateCheck({
          status: 'in_progress',
          ...(detailsUrl && { detailsUrl }),
          // In words, never a state name: an in-progress check must not read "SUCCEEDED".
          title: `The agent is ${friendlyState(run.state)}`,
          summary: run.title ? escapeMarkdown(fitChars(run.title, 500)) : 'An Oz agent run is in progress.',
        });
      }
    });
  }

  /** Something the agent did or said (a line of live progress): shown in the comment, at the next edit. */
  agentDid(line: string): void {
    if (!this.options.showActivity || this.finished) return;
    this.activity.add(line);
    this.editLive();
  }

  /** Asks for a live edit of the comment: at once the first time, then at most once per interval. */
  private editLive(): void {
    // The run and activity as they are when the edit is due, not when the queue reaches it.
    this.throttle.request(() => {
      const run = this.liveRun;
      const activity = this.activity.snapshot();
      this.enqueue(() => this.writeLive(run, activity));
    });
  }

  private async writeLive(unredacted: Feedback['liveRun'], snapshot: ActivitySnapshot): Promise<void> {
    if (unredacted === undefined) return;
    const conversation = this.options.conversation;
    // The conversation's live line shows no title: only what is shown is searched for credentials.
    const run = { ...unredacted, title: conversation ? undefined : await this.redacted(unredacted.title) };
    const activity = this.options.showActivity ? liveLines((await this.options.redactAll?.(snapshot)) ?? snapshot) : [];
    const shown = JSON.stringify([run.state, run.title, run.session_link, run.run_id, this.asides, activity]);
    if (shown === this.liveShown) return;
    this.liveShown = shown;
    const elapsed = Date.now() - this.startedAt;
    const written = await this.writeComment(
      conversation
        ? conversationWithin(
            {
              ...conversation.state,
              // The run is the thread's as soon as it exists, so the next request reaches it even if this step dies.
              ...(run.run_id !== undefined && { runId: run.run_id }),
              exchanges: [...conversation.state.exchanges, conversation.exchange],
            },
            [
              progressLine(run, elapsed, this.options.workflowRunUrl),
              ...this.asides.flatMap((a) => ['', a]),
              ...(activity.length > 0 ? ['', ...activity] : []),
            ],
          )
        : progressBody(this.options.marker, run, elapsed, this.options.workflowRunUrl, activity),
      true,
    );
    if (written) this.throttle.accepted();
    else if (written === false) {
      // Refused for GitHub's rate limits: show it again at the next edit, after the pause.
      this.liveShown = undefined;
      this.editLive();
    }
  }

  /** A text the agent or the API wrote, with credentials taken out. */
  private async redacted(text: string | undefined): Promise<string | undefined> {
    return text === undefined ? undefined : ((await this.options.redactAll?.(text)) ?? text);
  }

  /**
   * The step is ending: finish the comment and complete the check, whatever the outcome. Resolves false
   * if GitHub refused an update. A live edit still waiting for GitHub is aborted (the final text
   * replaces it); the final requests are aborted when `signal` aborts (the caller's budget ran out).
   */
  async finish(unredacted: Report, signal?: AbortSignal): Promise<boolean> {
    this.finished = true;
    this.throttle.stop();
    this.live.abort();
    this.signal = signal ?? new AbortController().signal;
    this.enqueue(async () => {
      const report = (await this.options.redactAll?.(unredacted)) ?? unredacted;
      // The answer first; what the agent did folded under it (the summary leaves it room).
      const snapshot = this.activity.snapshot();
      const folded = this.options.showActivity ? foldedLines((await this.options.redactAll?.(snapshot)) ?? snapshot) : [];
      const summary = summaryWithin(report, [this.options.marker, ...folded].join('\n'), this.options.words);
      const conversation = this.options.conversation;
      await this.writeComment(
        conversation
          ? finishedConversation(conversation, report, this.options.workflowRunUrl, this.options.words, this.asides, folded)
          : [`${this.options.marker}\n${summary}`, ...folded].join('\n'),
      );
      if (!this.signal.aborted) this.options.onFinished?.('comment');
      if (this.checkRunId !== undefined) {
        const conclusion = this.options.conclusion ?? checkConclusion(report);
        const detailsUrl = safeUrl(report.run?.session_link) ?? this.options.workflowRunUrl;
        await this.updateCheck({
          status: 'completed',
          conclusion,
          ...(detailsUrl && { detailsUrl }),
          title: report.review?.verdict === 'request_changes' ? 'The agent requested changes' : CHECK_TITLES[conclusion],
          summary,
        });
        if (!this.signal.aborted) this.options.onFinished?.('check');
      }
    });
    await this.queue;
    return !this.failed && !this.commentsOff;
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      // Stopped by the step itself: what comes next (or the post step) says how it ended.
      if (isStoppedRequest(error)) return;
      this.failed = true;
      this.options.warn(`Could not update GitHub: ${(error as Error).message}`);
    });
  }

  /**
   * Writes the comment; true when written. A live edit (`live`) of a comment that exists, refused
   * with 403 or 429 (GitHub's rate limits), resolves false and makes the next edit wait longer;
   * any other failure turns comments off with a warning and resolves undefined.
   */
  private async writeComment(text: string, live = false): Promise<boolean | undefined> {
    const { thread } = this.options;
    // The last guard: bodies are fitted when rendered, but GitHub refuses one a character too long.
    const body = fitComment(this.options.redact?.(text) ?? text);
    if (this.commentsOff || (thread === undefined && this.commentId === undefined)) return undefined;
    try {
      if (this.commentId !== undefined) {
        await (await this.github()).updateComment(this.commentId, body);
      } else if (thread !== undefined) {
        // A create is never abandoned half-way (only its own deadline ends it): GitHub may have made the
        // comment, and the next write would add a second one.
        const api = await this.options.api();
        const existing = this.options.conversation ? undefined : await api.findComment(thread, this.options.marker);
        const written = existing ? await api.updateComment(existing.id, body) : await api.createComment(thread, body);
        this.commentId = written.id;
        this.commentUrl = written.url;
        this.options.onComment?.(written.id);
      }
      return true;
    } catch (error) {
      // Aborted by the step (the final text follows, or the budget ran out): comments stay on.
      if (isStoppedRequest(error)) return undefined;
      const status = isGitHubApiError(error) ? error.status : 0;
      // A live edit GitHub did not answer in time is tried again later, as one its rate limits refused.
      const slow = isGitHubApiError(error) && error.unanswered === 'timeout';
      if (live && this.commentId !== undefined && (status === 403 || status === 429 || slow)) {
        this.throttle.refused(isGitHubApiError(error) ? error.retryAfterMs : undefined);
        if (!this.slowedDown) {
          this.slowedDown = true;
          this.options.debug?.(
            `GitHub ${slow ? 'did not answer' : 'refused'} a live edit of the comment (${slow ? (error as Error).message : status}); the next waits ${this.throttle.currentIntervalMs / 1000} s.`,
          );
        }
        return false;
      }
      this.commentsOff = true;
      this.options.warn(
        status === 403 || status === 404
          ? "The token cannot write comments here, so the run is reported in the job summary only. To get a comment, add `pull-requests: write` (pull requests) or `issues: write` (issues) to the job's permissions; a fork's read-only token never can."
          : `Could not write the pull request comment: ${(error as Error).message}. The run is reported in the job summary.`,
      );
      return undefined;
    }
  }

  private async updateCheck(update: CheckUpdate): Promise<void> {
    const redact = this.options.redact ?? ((text: string) => text);
    await (
      await this.github()
    ).updateCheck(this.checkRunId!, {
      ...update,
      title: fitUnits(redact(update.title), MAX_CHECK_TEXT_CHARS),
      summary: fitUnits(redact(update.summary), MAX_CHECK_TEXT_CHARS),
    });
  }
}

/** The hidden marker for this step's comment: the same for every attempt of the workflow run. */
export function commentMarker(env: NodeJS.ProcessEnv = process.env): string {
  return `${COMMENT_MARKER_PREFIX} run=${env.GITHUB_RUN_ID ?? ''} job=${env.GITHUB_JOB ?? ''} step=${env.GITHUB_ACTION ?? ''} -->`;
}
