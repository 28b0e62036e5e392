/**
 * What the step says on GitHub while the run goes and once it ends: the check run (check-run.ts) and
 * the pull request comment (comment.ts), each a thing of its own, kept in step with the run through
 * one queue, so polling never waits for GitHub.
 */
import { messageOf } from '../errors.ts';
import { isStoppedRequest, type CheckConclusion, type GitHubApi } from './types.ts';
import { COMMENT_MARKER_PREFIX } from './event.ts';
import type { Report } from '../report/model.ts';
import { summaryWithin } from './comment-fit.ts';
import { CheckRun } from './check-run.ts';
import { Comment, type CommentContext, type CommentOptions } from './comment.ts';
import type { LiveRun } from './live.ts';

export { CheckRunError, checkConclusion } from './check-run.ts';

export interface FeedbackOptions extends CommentContext {
  /** The GitHub API, loaded on first use (after the run is created, when only a comment is wanted). */
  api: () => Promise<GitHubApi>;
  /** The comment; its `thread` missing when pr_comment is off or the event has none. */
  comment: CommentOptions;
  /**
   * The check run: created by `startCheck` when it has a name (check_name), or resumed by its id (the
   * post step); `conclusion` as decided by a step that had the whole report.
   */
  check?: { name?: string; headSha?: string; resumeId?: number; conclusion?: CheckConclusion };
  /** Told when GitHub has answered the final comment or check run update, so a post step finishes only what is left. */
  onFinished?: (part: 'comment' | 'check') => void;
}

/**
 * Keeps a pull request (or issue) comment and a check run in step with the run. Comment failures only
 * warn (once); a check run that cannot be created is an error, since the user relies on it to gate
 * merges. Updates are queued so polling never waits for GitHub.
 */
export class Feedback {
  private readonly options: FeedbackOptions;
  private readonly check: CheckRun;
  private readonly comment: Comment;
  private queue: Promise<void> = Promise.resolve();
  private failed = false;
  /** Aborts the live edits in flight when the final text is due: it replaces whatever they were writing. */
  private readonly live = new AbortController();
  /** What the requests made now are aborted with (besides each one's own deadline). */
  private signal: AbortSignal = this.live.signal;

  constructor(options: FeedbackOptions) {
    this.options = options;
    const { check } = options;
    this.check = new CheckRun(
      {
        ...(check?.name && { name: check.name }),
        headSha: check?.headSha ?? '',
        ...(options.workflowRunUrl && { workflowRunUrl: options.workflowRunUrl }),
        ...(options.redact && { redact: options.redact }),
      },
      check?.resumeId,
    );
    this.comment = new Comment(options.comment, options, {
      github: () => this.github(),
      api: options.api,
      enqueue: (task) => this.enqueue(task),
    });
  }

  get checkRunId(): number | undefined {
    return this.check.id;
  }

  get commentId(): number | undefined {
    return this.comment.id;
  }

  get commentUrl(): string | undefined {
    return this.comment.url;
  }

  /** Creates the check run, in progress, before the agent starts. Throws CheckRunError when it cannot. */
  async startCheck(): Promise<void> {
    if (this.options.check?.name) await this.check.start(() => this.github());
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
    this.comment.aside(text);
  }

  /** The run exists, or changed state: update the comment (creating it the first time) and the check. */
  progress(unredacted: LiveRun): void {
    this.comment.progress(unredacted);
    this.enqueue(async () => {
      if (this.check.id === undefined) return;
      // Only what is shown is searched for credentials, so the detector loads only when there is such text.
      const title = unredacted.title === undefined ? undefined : ((await this.options.redactAll?.(unredacted.title)) ?? unredacted.title);
      await this.check.progress(await this.github(), { ...unredacted, title });
    });
  }

  /** Something the agent did or said (a line of live progress): shown in the comment, at the next edit. */
  agentDid(line: string): void {
    this.comment.agentDid(line);
  }

  /**
   * The step is ending: finish the comment and complete the check, whatever the outcome. Resolves false
   * if GitHub refused an update. A live edit still waiting for GitHub is aborted (the final text
   * replaces it); the final requests are aborted when `signal` aborts (the caller's budget ran out).
   */
  async finish(unredacted: Report, signal?: AbortSignal): Promise<boolean> {
    this.comment.stopLive();
    this.live.abort();
    this.signal = signal ?? new AbortController().signal;
    this.enqueue(async () => {
      const report = (await this.options.redactAll?.(unredacted)) ?? unredacted;
      // The answer first; what the agent did folded under it (the summary leaves it room).
      const folded = await this.comment.folded();
      const summary = summaryWithin(report, [this.comment.marker, ...folded].join('\n'), this.options.words);
      await this.comment.finish(report, summary, folded);
      if (!this.signal.aborted) this.options.onFinished?.('comment');
      if (this.check.id !== undefined) {
        await this.check.complete(await this.github(), report, summary, this.options.check?.conclusion);
        if (!this.signal.aborted) this.options.onFinished?.('check');
      }
    });
    await this.queue;
    return !this.failed && !this.comment.off;
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      // Stopped by the step itself: what comes next (or the post step) says how it ended.
      if (isStoppedRequest(error)) return;
      this.failed = true;
      this.options.warn(`Could not update GitHub: ${messageOf(error)}`);
    });
  }
}

/**
 * The hidden marker for this step's comment: the same for every attempt of the workflow run. `entry`
 * tells apart the entries of a matrix job, which share the run, job and step ids (the action passes
 * a hash of the step's settings).
 */
export function commentMarker(entry: string, env: NodeJS.ProcessEnv = process.env): string {
  const step = `run=${env.GITHUB_RUN_ID ?? ''} job=${env.GITHUB_JOB ?? ''} step=${env.GITHUB_ACTION ?? ''}`;
  return `${COMMENT_MARKER_PREFIX} ${step} entry=${entry} -->`;
}
