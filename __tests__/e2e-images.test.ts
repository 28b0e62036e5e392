/**
 * With trigger_phrase, images pasted into the triggering comment (GitHub's user-attachment links) go
 * to the agent with the prompt: end to end on the committed dist/, with a stand-in for GitHub's web
 * host (GITHUB_SERVER_URL) that serves the images, and the bounds (count, size, hosts) held.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useGitHubDouble } from './helpers/github-double.ts';
import { useSimulator } from './helpers/simulator.ts';
import { runStep } from '../sim/runner.ts';

const sim = useSimulator();
const github = useGitHubDouble((github) => {
  github.permissions = { octocat: 'write' };
});
let web: Server;
let webUrl = '';
const served: { path: string; auth?: string }[] = [];
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('a small png')]);
const events = mkdtempSync(join(tmpdir(), 'oz-image-events-'));

beforeAll(async () => {
  web = createServer((req, res) => {
    served.push({ path: req.url ?? '', ...(req.headers.authorization && { auth: req.headers.authorization }) });
    if (req.url === '/user-attachments/assets/big-1') {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      return res.end(Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]));
    }
    if (req.url === '/user-attachments/assets/away-1') {
      res.writeHead(302, { Location: 'http://elsewhere.localhost/steal.png' });
      return res.end();
    }
    if (req.url === '/user-attachments/assets/text-1') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end('<html>sign in</html>');
    }
    res.writeHead(200, { 'Content-Type': 'image/png' });
    res.end(PNG);
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => web.close(resolve));
});
beforeEach(() => {
  served.length = 0;
});

let next = 8000;
function step(body: string, inputs: Record<string, string> = {}) {
  const id = next++;
  const path = join(events, `comment-${id}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      issue: { number: 7, html_url: 'https://github.com/acme/widgets/pull/7', title: 'Login', pull_request: {} },
      comment: {
        id,
        html_url: `https://github.com/acme/widgets/pull/7#issuecomment-${id}`,
        body,
        user: { login: 'octocat', type: 'User' },
      },
      sender: { login: 'octocat', type: 'User' },
    }),
  );
  return runStep({
    inputs: {
      warp_api_key: 'wk-images',
      api_base_url: sim.url,
      github_token: 'ghs-images',
      trigger_phrase: '@oz',
      poll_interval_seconds: '0.05',
      max_poll_interval_seconds: '0.2',
      ...inputs,
    },
    env: { GITHUB_API_URL: github.url, GITHUB_SERVER_URL: webUrl, GITHUB_EVENT_NAME: 'issue_comment', GITHUB_EVENT_PATH: path },
  });
}

const attachments = () =>
  ((sim.apiRequests('POST', '/agent/runs')[0]?.body as { attachments?: { file_name: string; mime_type: string; data: string }[] }) ?? {})
    .attachments ?? [];

describe('images in the triggering comment', () => {
  it('are downloaded from GitHub and sent with the prompt, the token going to GitHub only', async () => {
    const main = await step(
      `@oz the button is off, see ${webUrl}/user-attachments/assets/abc-1 and ![x](${webUrl}/user-attachments/assets/abc-2)`,
    );
    expect(main.code).toBe(0);
    expect(attachments()).toEqual([
      { file_name: 'comment-image-1.png', mime_type: 'image/png', data: PNG.toString('base64') },
      { file_name: 'comment-image-2.png', mime_type: 'image/png', data: PNG.toString('base64') },
    ]);
    expect(served.map((s) => s.auth)).toEqual(['Bearer ghs-images', 'Bearer ghs-images']);
  });

  it('keep within the bounds: 5 in all, size, GitHub hosts only, images only; each miss is a warning and the run goes on', async () => {
    const links = ['big-1', 'away-1', 'text-1', 'ok-1', 'ok-2', 'ok-3', 'ok-4'].map((id) => `${webUrl}/user-attachments/assets/${id}`);
    writeFileSync(join(events, 'given.png'), PNG);
    const main = await step(`@oz look: ${links.join(' ')}`, { attachments: join(events, 'given.png') });
    expect(main.code).toBe(0);
    // One slot is the attachments input's: the first four links are tried, the rest left out.
    expect(main.log).toContain('::warning::The comment has 7 images; only the first 4 are sent to the agent (at most 5 attachments).');
    expect(main.log).toMatch(/::warning::Image \S+big-1 from the comment was not sent to the agent: it is larger than 5 MiB\./);
    expect(main.log).toMatch(
      /::warning::Image \S+away-1 from the comment was not sent to the agent: elsewhere\.localhost is not a GitHub host\./,
    );
    expect(main.log).toMatch(
      /::warning::Image \S+text-1 from the comment was not sent to the agent: it is not a jpeg, png, gif or webp image\./,
    );
    expect(attachments().map((a) => a.file_name)).toEqual(['given.png', 'comment-image-4.png']);
    expect(served.map((s) => s.path)).not.toContain('/user-attachments/assets/ok-2');
  });
});
