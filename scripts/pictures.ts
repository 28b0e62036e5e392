/**
 * `npm run pictures`: renders what users see (the demo's job summary, a finished pull request
 * comment) to PNG files in docs/, for the README. It runs the committed bundle against the simulator,
 * renders the Markdown as GitHub does (marked, GitHub's styles approximated) and screenshots it
 * with headless Chromium (Debian package `chromium`). Run it after changing the summary.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked } from 'marked';
import { GitHubDouble } from '../sim/github.ts';
import { ROOT, runStep } from '../sim/runner.ts';
import { OzSimulator } from '../sim/server.ts';

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
  console.log('Wrote docs/summary.png and docs/pr-comment.png');
} finally {
  await sim.stop();
  await github.stop();
}
