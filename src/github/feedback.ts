import { isGitHubApiError, type CheckConclusion, type CheckUpdate, type GitHubApi } from './types.ts';
import { COMMENT_MARKER_PREFIX } from './event.ts';
import { fitChars, fitUnits, MAX_CHECK_TEXT_CHARS } from '../report/limits.ts';
import { escapeMarkdown, safeLink, safeUrl } from '../report/markdown.ts';
import { formatDuration, outcomeHeading, type Report, type SummaryWords } from '../report/summary.ts';
import { type Exchange, type ThreadState } from './conversation.ts';
import { conversationWithin, fitComment, summaryWithin } from './budget.ts';
import { isTerminal, type RunItem } from '../oz/types.ts';

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
  /** A check run and comment the main step left in progress, for the post step to finish. */
  resume?: { checkRunId?: number; commentId?: number };
  /** How the front end names its settings in the summary the comment and check run show. */
  words: SummaryWords;
  /** Takes secrets out of text before it is written to GitHub (comments and check runs are not masked). */
  redact?: (text: string) => string;
  /**
   * A thread's conversation (trigger_phrase): the comment shows each request and answer instead of
   * one run's summary, and it is never looked up by marker (the caller found it, by its author).
   */
  conversation?: { state: ThreadState; exchange: Exchange };
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
  asides: string[],
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
  const footer = [`**${outcomeHeading(report)}**${links.length > 0 ? ` · ${links.join(' · ')}` : ''}`];
  if (report.outcome !== 'succeeded' && report.note) footer.push('', escapeMarkdown(fitChars(report.note)));
  for (const aside of asides) footer.push('', aside);
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

  constructor(options: FeedbackOptions) {
    this.options = options;
    this.checkRunId = options.resume?.checkRunId;
    this.commentId = options.resume?.commentId;
  }

  /** Creates the check run, in progress, before the agent starts. Throws CheckRunError when it cannot. */
  async startCheck(): Promise<void> {
    const { api, checkName, headSha, workflowRunUrl } = this.options;
    if (!checkName) return;
    try {
      this.checkRunId = await (
        await api()
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

  /** A sentence for the thread under the current request (plain text: it is escaped here). */
  aside(text: string): void {
    this.asides.push(escapeMarkdown(fitChars(text)));
  }

  /** The run exists, or changed state: update the comment (creating it the first time) and the check. */
  progress(run: Pick<RunItem, 'state' | 'title' | 'session_link'> & { run_id?: string }): void {
    this.enqueue(async () => {
      const conversation = this.options.conversation;
      await this.writeComment(
        conversation
          ? conversationWithin(
              {
                ...conversation.state,
                // The run is the thread's as soon as it exists, so the next request reaches it even if this step dies.
                ...(run.run_id !== undefined && { runId: run.run_id }),
                exchanges: [...conversation.state.exchanges, conversation.exchange],
              },
              [progressLine(run, Date.now() - this.startedAt, this.options.workflowRunUrl), ...this.asides.flatMap((a) => ['', a])],
            )
          : progressBody(this.options.marker, run, Date.now() - this.startedAt, this.options.workflowRunUrl),
      );
      if (this.checkRunId !== undefined) {
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

  /** The step is ending: finish the comment and complete the check, whatever the outcome. Resolves false if GitHub refused an update. */
  async finish(report: Report): Promise<boolean> {
    this.enqueue(async () => {
      const summary = summaryWithin(report, this.options.marker, this.options.words);
      const conversation = this.options.conversation;
      await this.writeComment(
        conversation
          ? finishedConversation(conversation, report, this.options.workflowRunUrl, this.asides)
          : `${this.options.marker}\n${summary}`,
      );
      if (this.checkRunId !== undefined) {
        const conclusion = checkConclusion(report);
        const detailsUrl = safeUrl(report.run?.session_link) ?? this.options.workflowRunUrl;
        await this.updateCheck({
          status: 'completed',
          conclusion,
          ...(detailsUrl && { detailsUrl }),
          title: report.review?.verdict === 'request_changes' ? 'The agent requested changes' : CHECK_TITLES[conclusion],
          summary,
        });
      }
    });
    await this.queue;
    return !this.failed && !this.commentsOff;
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      this.failed = true;
      this.options.warn(`Could not update GitHub: ${(error as Error).message}`);
    });
  }

  private async writeComment(text: string): Promise<void> {
    const { thread } = this.options;
    // The last guard: bodies are fitted when rendered, but GitHub refuses one a character too long.
    const body = fitComment(this.options.redact?.(text) ?? text);
    if (this.commentsOff || (thread === undefined && this.commentId === undefined)) return;
    try {
      const api = await this.options.api();
      if (this.commentId !== undefined) {
        await api.updateComment(this.commentId, body);
      } else if (thread !== undefined) {
        const existing = this.options.conversation ? undefined : await api.findComment(thread, this.options.marker);
        const written = existing ? await api.updateComment(existing.id, body) : await api.createComment(thread, body);
        this.commentId = written.id;
        this.commentUrl = written.url;
        this.options.onComment?.(written.id);
      }
    } catch (error) {
      this.commentsOff = true;
      const status = isGitHubApiError(error) ? error.status : 0;
      this.options.warn(
        status === 403 || status === 404
          ? "The token cannot write comments here, so the run is reported in the job summary only. To get a comment, add `pull-requests: write` (pull requests) or `issues: write` (issues) to the job's permissions; a fork's read-only token never can."
          : `Could not write the pull request comment: ${(error as Error).message}. The run is reported in the job summary.`,
      );
    }
  }

  private async updateCheck(update: CheckUpdate): Promise<void> {
    const redact = this.options.redact ?? ((text: string) => text);
    await (
      await this.options.api()
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
