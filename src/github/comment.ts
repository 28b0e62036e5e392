/**
 * The pull request (or issue) comment: created when the run exists, edited live while it works (the
 * state, where to watch, what the agent does), and finished with the run's summary, or, for a
 * thread's conversation, with the exchange and its answer. Comment failures only warn, once.
 */
import { messageOf } from '../errors.ts';
import { isGitHubApiError, isStoppedRequest, type GitHubApi } from './types.ts';
import { fitChars } from '../report/limits.ts';
import { escapeMarkdown, safeLink } from '../report/markdown.ts';
import type { Report } from '../report/model.ts';
import { outcomeHeading, type SummaryWords } from '../report/summary.ts';
import { formatDuration } from '../report/duration.ts';
import type { Exchange, ThreadState } from '../threads/state.ts';
import { conversationWithin, fitComment } from './comment-fit.ts';
import {
  AgentActivity,
  EditThrottle,
  foldedLines,
  friendlyState,
  liveLines,
  MIN_EDIT_INTERVAL_MS,
  type ActivitySnapshot,
  type LiveRun,
} from './live.ts';

/** What the comment's requests go through: the feedback's one queue, and the API within the current phase's signal. */
export interface Lane {
  /** The API, its requests aborted with the current phase's signal. */
  github: () => Promise<GitHubApi>;
  /** The API without that signal: a create is never abandoned half-way. */
  api: () => Promise<GitHubApi>;
  /** Queues requests after those before them, so polling never waits for GitHub. */
  enqueue: (task: () => Promise<void>) => void;
}

export interface CommentOptions {
  /** The pull request or issue to keep a comment on; none when pr_comment is off or the event has none. */
  thread?: number;
  /**
   * A review thread to answer in instead (a mention in an inline review comment): the comment is a
   * reply there, to the thread's first comment, showing only this request's exchange.
   */
  reviewThread?: { pull: number; root: number };
  /** Identifies this step's comment across re-runs of the job. */
  marker: string;
  /** A comment the main step left in progress, for the post step to finish (or a thread's, found by its author). */
  resumeId?: number;
  /** Show what the agent is doing in the comment while it works, and fold it under the answer at the end. */
  showActivity?: boolean;
  /** The least time between two live edits of the comment. Default 30 s. */
  editIntervalMs?: number;
  /**
   * A thread's conversation (trigger_phrase): the comment shows each request and answer instead of
   * one run's summary, and it is never looked up by marker (the caller found it, by its author).
   */
  conversation?: { state: ThreadState; exchange: Exchange };
  /** Told the comment's id once it exists, so the post step can finish it. */
  onComment?: (id: number) => void;
}

/** What the comment shares with the rest of the step's feedback. */
export interface CommentContext {
  workflowRunUrl?: string;
  words: SummaryWords;
  warn: (message: string) => void;
  /** For notes that are not worth a warning (GitHub slowed the live edits down). */
  debug?: (message: string) => void;
  /** Takes secrets out of text before it is written (comments are not masked). */
  redact?: (text: string) => string;
  /** A copy of a value with credentials the agent or the API wrote taken out, before it is rendered. */
  redactAll?: <T>(value: T) => Promise<T>;
}

/** Links for a live run: where to watch the agent, and the workflow run. */
function liveLinks(run: Pick<LiveRun, 'session_link'>, workflowRunUrl: string | undefined): string[] {
  return [
    run.session_link ? safeLink('Watch the agent', run.session_link) : undefined,
    workflowRunUrl ? safeLink('Workflow run', workflowRunUrl) : undefined,
  ].filter((link): link is string => link !== undefined);
}

/** Comment text for a run still going on: the state in words, how long so far, where to watch. */
function progressBody(marker: string, run: LiveRun, elapsedMs: number, workflowRunUrl?: string, activity: string[] = []): string {
  const links = liveLinks(run, workflowRunUrl);
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
function progressLine(run: LiveRun, elapsedMs: number, workflowRunUrl?: string): string {
  const links = liveLinks(run, workflowRunUrl);
  return `⏳ The Oz agent is ${friendlyState(run.state)} (${formatDuration(elapsedMs)})${links.length > 0 ? ` · ${links.join(' · ')}` : ''}`;
}

/** The conversation comment once the request is answered: the exchange with its answer, and how the run ended. */
function finishedConversation(
  conversation: { state: ThreadState; exchange: Exchange },
  report: Report,
  context: CommentContext,
  asides: string[],
  folded: string[] = [],
  latestOnly = false,
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
    context.workflowRunUrl ? safeLink('Workflow run', context.workflowRunUrl) : undefined,
  ].filter(Boolean);
  const footer = [`**${outcomeHeading(report, context.words)}**${links.length > 0 ? ` · ${links.join(' · ')}` : ''}`];
  if (report.outcome !== 'succeeded' && report.note) footer.push('', escapeMarkdown(fitChars(report.note)));
  for (const aside of asides) footer.push('', aside);
  if (folded.length > 0) footer.push('', ...folded);
  return conversationWithin(state, footer, undefined, latestOnly);
}

/** The step's one comment on the pull request or issue. */
export class Comment {
  id: number | undefined;
  url: string | undefined;
  /** Turned off by a failure (warned once): the run is reported in the job summary only. */
  off = false;
  private readonly options: CommentOptions;
  private readonly context: CommentContext;
  private readonly lane: Lane;
  private readonly startedAt = Date.now();
  /** Sentences the conversation comment adds under the current request (why it went to a new run). */
  private readonly asides: string[] = [];
  /** The run as last told, for the live comment. */
  private liveRun: LiveRun | undefined;
  /** What the live comment last showed, apart from the time: an edit that would change nothing else is not sent. */
  private liveShown: string | undefined;
  private finished = false;
  private slowedDown = false;
  private readonly activity = new AgentActivity();
  private readonly throttle: EditThrottle;

  constructor(options: CommentOptions, context: CommentContext, lane: Lane) {
    this.options = options;
    this.context = context;
    this.lane = lane;
    this.id = options.resumeId;
    this.throttle = new EditThrottle(options.editIntervalMs ?? MIN_EDIT_INTERVAL_MS);
  }

  get marker(): string {
    return this.options.marker;
  }

  /** A sentence for the thread under the current request (plain text: it is escaped here). */
  aside(text: string): void {
    this.asides.push(escapeMarkdown(fitChars(text)));
  }

  /** The run exists, or changed state: the first edit is at once (it creates the comment), the run id in it. */
  progress(unredacted: LiveRun): void {
    const runId = unredacted.run_id ?? this.liveRun?.run_id;
    // A link to watch the agent is what people wait for: shown at once, not at the next progress edit.
    const newLink = unredacted.session_link !== undefined && unredacted.session_link !== this.liveRun?.session_link;
    this.liveRun = { ...unredacted, ...(runId !== undefined && { run_id: runId }) };
    this.editLive(newLink);
  }

  /** Something the agent did or said (a line of live progress): shown at the next edit. */
  agentDid(line: string): void {
    if (!this.options.showActivity || this.finished) return;
    this.activity.add(line);
    this.editLive();
  }

  /** The final text is due: no more live edits. */
  stopLive(): void {
    this.finished = true;
    this.throttle.stop();
  }

  /** Asks for a live edit of the comment: at once the first time (or when `urgent`), then at most once per interval. */
  private editLive(urgent = false): void {
    // The run and activity as they are when the edit is due, not when the queue reaches it.
    this.throttle.request(() => {
      const run = this.liveRun;
      const activity = this.activity.snapshot();
      this.lane.enqueue(() => this.writeLive(run, activity));
    }, urgent);
  }

  private async writeLive(unredacted: LiveRun | undefined, snapshot: ActivitySnapshot): Promise<void> {
    if (unredacted === undefined) return;
    // Asked for before GitHub refused the edit ahead of it: asked for again, after the pause.
    if (this.throttle.paused) return this.editLive();
    const { conversation } = this.options;
    // The conversation's live line shows no title: only what is shown is searched for credentials.
    const run = { ...unredacted, title: conversation ? undefined : await this.redacted(unredacted.title) };
    const activity = this.options.showActivity ? liveLines((await this.context.redactAll?.(snapshot)) ?? snapshot) : [];
    const shown = JSON.stringify([run.state, run.title, run.session_link, run.run_id, this.asides, activity]);
    if (shown === this.liveShown) return;
    this.liveShown = shown;
    const written = await this.write(this.liveBody(run, Date.now() - this.startedAt, activity), true);
    if (written) this.throttle.accepted();
    else if (written === false) {
      // Refused for GitHub's rate limits: show it again at the next edit, after the pause.
      this.liveShown = undefined;
      this.editLive();
    }
  }

  private liveBody(run: LiveRun, elapsed: number, activity: string[]): string {
    const { conversation, marker } = this.options;
    const { workflowRunUrl } = this.context;
    if (!conversation) return progressBody(marker, run, elapsed, workflowRunUrl, activity);
    return conversationWithin(
      {
        ...conversation.state,
        // The run is the thread's as soon as it exists, so the next request reaches it even if this step dies.
        ...(run.run_id !== undefined && { runId: run.run_id }),
        exchanges: [...conversation.state.exchanges, conversation.exchange],
      },
      [
        progressLine(run, elapsed, workflowRunUrl),
        ...this.asides.flatMap((a) => ['', a]),
        ...(activity.length > 0 ? ['', ...activity] : []),
      ],
      undefined,
      this.options.reviewThread !== undefined,
    );
  }

  /** What the agent did, for the fold under the answer (redacted); nothing unless activity is shown. */
  async folded(): Promise<string[]> {
    if (!this.options.showActivity) return [];
    const snapshot = this.activity.snapshot();
    return foldedLines((await this.context.redactAll?.(snapshot)) ?? snapshot);
  }

  /** The final text: the run's summary (fitted with `folded` under it), or the conversation with its answer. */
  async finish(report: Report, summary: string, folded: string[]): Promise<void> {
    const { conversation, marker } = this.options;
    await this.write(
      conversation
        ? finishedConversation(conversation, report, this.context, this.asides, folded, this.options.reviewThread !== undefined)
        : [`${marker}\n${summary}`, ...folded].join('\n'),
    );
  }

  /** A text the agent or the API wrote, with credentials taken out. */
  private async redacted(text: string | undefined): Promise<string | undefined> {
    return text === undefined ? undefined : ((await this.context.redactAll?.(text)) ?? text);
  }

  /**
   * Writes the comment; true when written. A live edit (`live`) of a comment that exists, refused
   * with 403 or 429 (GitHub's rate limits), resolves false and makes the next edit wait longer;
   * any other failure turns comments off with a warning and resolves undefined.
   */
  private async write(text: string, live = false): Promise<boolean | undefined> {
    const { thread, reviewThread } = this.options;
    // The last guard: bodies are fitted when rendered, but GitHub refuses one a character too long.
    const body = fitComment(this.context.redact?.(text) ?? text);
    if (this.off || (thread === undefined && reviewThread === undefined && this.id === undefined)) return undefined;
    try {
      if (this.id !== undefined) {
        const api = await this.lane.github();
        await (reviewThread ? api.updateReviewComment(this.id, body) : api.updateComment(this.id, body));
      } else if (reviewThread !== undefined) {
        // Never abandoned half-way, as a create below: a second reply would follow.
        const written = await (await this.lane.api()).replyToReviewComment(reviewThread.pull, reviewThread.root, body);
        this.id = written.id;
        this.url = written.url;
        this.options.onComment?.(written.id);
      } else if (thread !== undefined) {
        // A create is never abandoned half-way (only its own deadline ends it): GitHub may have made the
        // comment, and the next write would add a second one.
        const api = await this.lane.api();
        // Only the step's own comment of an earlier attempt: anyone can paste the marker into a comment,
        // and the token may edit theirs, which would overwrite a person's words and leave the report in
        // a comment its author can rewrite.
        const existing = this.options.conversation
          ? undefined
          : await api.findOwnComment(thread, this.options.marker, await api.identity());
        const written = existing ? await api.updateComment(existing.id, body) : await api.createComment(thread, body);
        this.id = written.id;
        this.url = written.url;
        this.options.onComment?.(written.id);
      }
      return true;
    } catch (error) {
      return this.failed(error, live);
    }
  }

  /** A write that failed: a live edit GitHub held back is tried later; anything else turns comments off. */
  private failed(error: unknown, live: boolean): false | undefined {
    // Aborted by the step (the final text follows, or the budget ran out): comments stay on.
    if (isStoppedRequest(error)) return undefined;
    const status = isGitHubApiError(error) ? error.status : 0;
    // A live edit GitHub did not answer in time is tried again later, as one its rate limits refused.
    const slow = isGitHubApiError(error) && error.unanswered === 'timeout';
    if (live && this.id !== undefined && (status === 403 || status === 429 || slow)) {
      this.throttle.refused(isGitHubApiError(error) ? error.retryAfterMs : undefined);
      if (!this.slowedDown) {
        this.slowedDown = true;
        this.context.debug?.(
          `GitHub ${slow ? 'did not answer' : 'refused'} a live edit of the comment (${slow ? messageOf(error) : status}); the next waits ${this.throttle.currentIntervalMs / 1000} s.`,
        );
      }
      return false;
    }
    this.off = true;
    this.context.warn(
      status === 403 || status === 404
        ? "The token cannot write comments here, so the run is reported in the job summary only. To get a comment, add `pull-requests: write` (pull requests) or `issues: write` (issues) to the job's permissions; a fork's read-only token never can."
        : `Could not write the pull request comment: ${messageOf(error)}. The run is reported in the job summary.`,
    );
    return undefined;
  }
}
