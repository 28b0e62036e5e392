/**
 * `npm run pictures`: renders what users see (the demo's job summary, a finished pull request
 * comment, a pull request review) to PNG files in docs/, for the README. It runs the committed bundle against the simulator,
 * renders the Markdown as GitHub does (marked, GitHub's styles approximated) and screenshots it
 * with headless Chromium (Debian packages `chromium` and `fonts-noto-color-emoji`, checked first: see
 * pictures-tools.ts). Run it after changing the summary.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked } from 'marked';
import { GitHubDouble } from '../sim/github.ts';
import { ROOT, runStep } from '../sim/runner.ts';
import { OzSimulator } from '../sim/server.ts';
import { REVIEW_CSS, reviewHtml } from './review-picture.ts';
import { missingPictureTools, picturesToolsMessage } from './pictures-tools.ts';

const missing = missingPictureTools();
if (missing.length > 0) {
  console.error(picturesToolsMessage(missing));
  process.exit(1);
}

const CSS = `
body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; margin: 0; background: #fff; }
main { max-width: 760px; margin: 16px; padding: 16px 24px; border: 1px solid #d1d9e0; border-radius: 6px; }
h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0b3; padding-bottom: .3em; margin-top: 0; }
h3 { font-size: 1.25em; }
code { background: #818b981f; padding: .2em .4em; border-radius: 6px; font-size: 85%; font-family: ui-monospace, monospace; }
pre { background: #f6f8fa; padding: 16px; border-radius: 6px; } pre code { background: none; padding: 0; }
table { border-collapse: collapse; } th, td { border: 1px solid #d1d9e0; padding: 6px 13px; } th { font-weight: 600; text-align: left; }
details { margin: 8px 0; } summary { cursor: pointer; }
a { color: #0969da; text-decoration: none; }
.who { color: #59636e; font-size: 12px; margin: 0 0 8px; }
`;

function page(markdown: string, caption: string, open: boolean): string {
  const html = marked.parse(markdown.replace(/<!--[\s\S]*?-->/g, ''), { async: false });
  return `<!doctype html><meta charset="utf-8"><style>${CSS}</style><main><p class="who">${caption}</p>${open ? html.replace(/<details>/g, '<details open>') : html}</main>`;
}

function htmlPage(html: string): string {
  return `<!doctype html><meta charset="utf-8"><style>${CSS}${REVIEW_CSS}</style><main>${html}</main>`;
}

function screenshot(html: string, out: string, height: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'oz-pictures-'));
  const file = join(dir, 'page.html');
  writeFileSync(file, html);
  execFileSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--hide-scrollbars',
      `--window-size=820,${height}`,
      `--screenshot=${out}`,
      `file://${file}`,
    ],
    { stdio: 'ignore' },
  );
}

const AUTH_PATCH = [
  '@@ -10,4 +10,5 @@ export async function login() {',
  '   const session = await start();',
  '-  await wait(100);',
  '+  await session.ready();',
  "+  if (!session.ok) throw new Error('no session');",
  '   return session;',
  ' }',
].join('\n');

/** A review of pull request #7 with a suggested change on its line and a comment off the diff. */
async function reviewPicture(common: Record<string, string>): Promise<void> {
  github.reset();
  github.pullHeads = { 7: 'c0ffee'.padEnd(40, '0') };
  github.pullFiles = { 7: [{ filename: 'src/auth.ts', patch: AUTH_PATCH }] };
  const review = {
    verdict: 'request_changes',
    summary:
      'The login race is fixed: `login()` now waits for the session instead of a fixed 100 ms. One thing before merging: the new error drops its cause.',
    comments: [
      {
        path: 'src/auth.ts',
        line: 12,
        body: 'The reason the session failed is lost here; keep it as the cause.',
        suggestion: "  if (!session.ok) throw new Error('no session', { cause: session.error });",
      },
      { path: 'README.md', line: 40, body: 'Document the new `no session` error under *Troubleshooting*.' },
    ],
  };
  sim.answers.set('review', `Reviewed.\n\n\`\`\`json\n${JSON.stringify(review)}\n\`\`\``);
  await runStep({
    inputs: {
      ...common,
      github_token: 'ghs-pictures',
      prompt: 'Review this pull request.',
      title: 'Review of #7',
      review: 'true',
      metadata: 'sim_answer_named=review',
    },
    env: github.pullRequestEvent(),
  });
  const [posted] = github.reviews;
  if (!posted) throw new Error('The review step posted no review.');
  screenshot(htmlPage(reviewHtml(posted, github.pullFiles[7]!, 'github-actions')), join(ROOT, 'docs', 'review.png'), 620);
}

const sim = new OzSimulator({ msPerSecond: 20 });
const github = new GitHubDouble();
const url = await sim.start();
await github.start();
try {
  const common = { warp_api_key: 'wk-pictures', api_base_url: url, poll_interval_seconds: '0.05', max_poll_interval_seconds: '0.2' };
  const summary = await runStep({
    inputs: {
      ...common,
      prompt: 'Fix the flaky test in auth.spec.ts and open a pull request.',
      title: 'Fix flaky auth test',
      metadata: 'sim_files=1',
      artifacts_path: 'oz-artifacts',
    },
  });
  screenshot(page(summary.summary, 'Job summary', false), join(ROOT, 'docs', 'summary.png'), 440);

  await runStep({
    inputs: {
      ...common,
      github_token: 'ghs-pictures',
      prompt: 'Review this pull request.',
      title: 'Review of #7',
      metadata: 'sim_outcome=failed',
    },
    env: github.pullRequestEvent(),
  });
  const [comment] = [...github.comments.values()];
  screenshot(page(comment!.body, 'github-actions (bot) commented', false), join(ROOT, 'docs', 'pr-comment.png'), 360);

  await reviewPicture(common);
  console.log('Wrote docs/summary.png, docs/pr-comment.png and docs/review.png');
} finally {
  await sim.stop();
  await github.stop();
}
