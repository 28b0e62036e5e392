/**
 * The check run: created in progress before the agent starts (a merge may be gated on it), updated as
 * the run goes, completed with the run's summary and a conclusion. Apart from the comment: each is a
 * thing of its own on GitHub, and either may be asked for without the other (check_name, pr_comment).
 */
import { CodedError, messageOf } from '../errors.ts';
import { isGitHubApiError, type CheckConclusion, type CheckUpdate, type GitHubApi } from './types.ts';
import { fitChars, fitUnits, MAX_CHECK_TEXT_CHARS } from '../report/limits.ts';
import { escapeMarkdown } from '../report/markdown.ts';
import { safeUrl } from '../report/url.ts';
import type { Report } from '../report/model.ts';
import { friendlyState, type LiveRun } from './live.ts';

/** The check run could not be created: the user relies on it to gate merges, so the step fails. */
export class CheckRunError extends CodedError<'check-run'> {
  override name = 'CheckRunError';
  constructor(message: string) {
    super('check-run', message);
  }
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

export interface CheckRunOptions {
  /** The check run's name (check_name). */
  name: string;
  /** The commit the check run is for. */
  headSha: string;
  workflowRunUrl?: string;
  /** Takes secrets out of its title and summary (check runs are not masked). */
  redact?: (text: string) => string;
}

/** One check run, known by its id once created (or resumed by the post step). Each call takes the API it is to use. */
export class CheckRun {
  id: number | undefined;
  private readonly options: Partial<CheckRunOptions>;

  constructor(options: Partial<CheckRunOptions>, resumeId?: number) {
    this.options = options;
    this.id = resumeId;
  }

  /** Creates the check run, in progress. Throws CheckRunError when it cannot, the API's loading included (nothing to do without a name). */
  async start(github: () => Promise<GitHubApi>): Promise<void> {
    const { name, headSha, workflowRunUrl } = this.options;
    if (!name) return;
    try {
      this.id = await (
        await github()
      ).createCheck(name, headSha ?? '', {
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
      throw new CheckRunError(`check_name is set, but the check run "${name}" could not be created: ${messageOf(error)}.${hint}`);
    }
  }

  /** The run changed state (its title already redacted): the check run says it in words, in progress. */
  async progress(github: GitHubApi, run: LiveRun): Promise<void> {
    if (this.id === undefined) return;
    const detailsUrl = safeUrl(run.session_link) ?? this.options.workflowRunUrl;
    await this.update(github, {
      status: 'in_progress',
      ...(detailsUrl && { detailsUrl }),
      // In words, never a state name: an in-progress check must not read "SUCCEEDED".
      title: `The agent is ${friendlyState(run.state)}`,
      summary: run.title ? escapeMarkdown(fitChars(run.title, 500)) : 'An Oz agent run is in progress.',
    });
  }

  /** Completes the check run with the run's summary; `conclusion` as decided by a step that had the whole report. */
  async complete(github: GitHubApi, report: Report, summary: string, conclusion = checkConclusion(report)): Promise<void> {
    if (this.id === undefined) return;
    const detailsUrl = safeUrl(report.run?.session_link) ?? this.options.workflowRunUrl;
    await this.update(github, {
      status: 'completed',
      conclusion,
      ...(detailsUrl && { detailsUrl }),
      title: report.review?.verdict === 'request_changes' ? 'The agent requested changes' : CHECK_TITLES[conclusion],
      summary,
    });
  }

  private async update(github: GitHubApi, update: CheckUpdate): Promise<void> {
    const redact = this.options.redact ?? ((text: string) => text);
    await github.updateCheck(this.id!, {
      ...update,
      title: fitUnits(redact(update.title), MAX_CHECK_TEXT_CHARS),
      summary: fitUnits(redact(update.summary), MAX_CHECK_TEXT_CHARS),
    });
  }
}
