import { messageOf } from '../errors.ts';
import * as core from '@actions/core';
import { concernsThread } from '../github/event.ts';
import type { GitHubContext } from '../github/context.ts';
import { postReview, prepareReview, reviewSource, unreadWarning, type ReviewPlan } from './publish.ts';
import { tidyAfterReview } from './tidy.ts';
import type { Report } from '../report/model.ts';
import { REVIEW_SCHEMA, reviewInstruction } from './schema.ts';
import { titleFromPrompt } from '../settings/settings.ts';
import type { Review } from './text.ts';
import type { Redaction } from '../action/redaction.ts';
import type { GitHubSide } from '../action/github-access.ts';
import type { Settings } from '../settings/inputs.ts';
import type { RunPlan, RunTarget } from '../run/plan.ts';
import * as log from '../action/log.ts';

/** The plan of the action's settings. */
export type ActionPlan = RunPlan & { readonly settings: Readonly<Settings> };

/** The plan a review runs with (the review's schema, its instruction in the target), and what it reviews. */
export interface Reviewing {
  plan: ActionPlan;
  review?: ReviewPlan;
}

/**
 * With `review`, on a pull request: reads the pull request and returns a new plan whose prompt (or
 * follow-up) asks for a review, with the review's schema as the output schema (its instruction is
 * added where every schema's is, in `asSent`). Elsewhere, or without a token, the run goes ahead as
 * it is, with one line saying why there is no review.
 */
export async function planReview(plan: Reviewing['plan'], context: GitHubContext, github: GitHubSide): Promise<Reviewing> {
  const { settings, target } = plan;
  if (!settings.review) return { plan };
  const { event } = context;
  if (!concernsThread(event) || !event.thread?.isPullRequest) {
    core.notice(`review is on, but the ${event.name || 'current'} event concerns no pull request: the agent runs without a review.`);
    return { plan };
  }
  if (github.api === undefined) {
    core.warning(
      'review is on, but there is no github_token to read the pull request and post the review with: the agent runs without a review.',
    );
    return { plan };
  }
  const review = await prepareReview(await github.api(), event.thread.number, context.pullRequest?.headSha ?? '', reviewSource());
  // A missing permission is told once, after the run, together with the review's own (see publishReview).
  if (!review.readDenied && review.unread.length > 0) core.warning(unreadWarning(review)!);
  return {
    // A new plan: the settings stay as parsed.
    plan: { ...plan, outputSchema: REVIEW_SCHEMA, target: reviewTarget(target, review, event.thread.number) },
    review,
  };
}

/** The target with the review's instruction: after the follow-up, or after the prompt (the run's title is not taken from it). */
function reviewTarget(target: RunTarget, review: ReviewPlan, pullRequest: number): RunTarget {
  const instruction = reviewInstruction(review.target);
  if (target.kind === 'follow-up') return { ...target, message: `${target.message}${instruction}` };
  if (target.kind !== 'create') return target;
  const { request } = target;
  // From the prompt's first line, or the pull request.
  const title = request.title ?? titleFromPrompt(request.prompt ?? '') ?? `Review of pull request #${pullRequest}`;
  return { kind: 'create', request: { ...request, title, prompt: `${request.prompt ?? ''}${instruction}`.trimStart() } };
}

/** After the run: posts the agent's review, when it gave a valid one, and returns what was posted. */
export async function publishReview(
  reviewing: Reviewing,
  report: Report,
  github: GitHubSide,
  redaction: Redaction,
): Promise<Report['review']> {
  const { review: plan } = reviewing;
  if (plan === undefined || github.api === undefined) return undefined;
  const posted = report.structured?.ok ? await post(plan, reviewing, report, { github, redaction }) : undefined;
  if (posted?.id !== undefined && posted.url !== undefined) {
    const tidied = await tidyAfterReview(
      await github.api(),
      plan.target.number,
      { id: posted.id, url: posted.url, verdict: posted.verdict },
      {
        resolveOutdated: reviewing.plan.settings.resolveOutdated,
        ...(plan.source !== undefined && { source: plan.source }),
        warn: (message) => core.warning(message),
      },
    );
    Object.assign(posted, tidied);
    if (tidied.dismissed > 0) log.info(`Dismissed ${tidied.dismissed} earlier review(s) of the agent that the new verdict withdraws.`);
    if (tidied.resolved > 0) log.info(`Resolved ${tidied.resolved} outdated review thread(s) of the agent that nobody replied to.`);
  }
  // Reads refused for want of a permission: one warning, unless the review's refusal already named it.
  if (plan.readDenied && posted?.denied !== true) core.warning(unreadWarning(plan)!);
  if (posted?.movedTo !== undefined) {
    core.notice(
      `The pull request's head moved to ${posted.movedTo} while the agent worked: the review is posted on ${posted.commit}, the commit it reviewed.`,
    );
  }
  return posted;
}

/** Posts the agent's valid review; a failure is a warning. */
async function post(
  plan: ReviewPlan,
  { plan: { settings } }: Reviewing,
  report: Report,
  { github, redaction }: { github: GitHubSide; redaction: Redaction },
): Promise<Report['review']> {
  if (!report.structured?.ok || github.api === undefined) return undefined;
  // The review is the agent's text: credentials in it are redacted before it reaches the pull request.
  const review = await redaction.redactAll(report.structured.value as Review);
  return postReview(await github.api(), plan, review, {
    approve: settings.reviewApprove,
    redact: redaction.redact,
    warn: (message) => core.warning(message),
    links: [
      { label: 'Open the agent session', url: report.run?.session_link },
      { label: 'Workflow run', url: report.workflowRunUrl },
    ],
  }).catch((error: unknown) => {
    core.warning(`Could not post the review: ${messageOf(error)}`);
    return undefined;
  });
}
