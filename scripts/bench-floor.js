/**
 * The floor of the start-up benchmark (plain JavaScript, so ncc bundles it as an ES module with no
 * TypeScript set-up of its own): the packages the action starts with, used as the action uses
 * them and nothing else. It reads and masks the key with `@actions/core` and sends the same create
 * request with `@actions/http-client`. `npm run bench` bundles it with `ncc` as the build bundles the
 * action, so the action's time minus this one's is what the project's own code adds at start.
 *
 * Why it is worth a row: `@actions/core` imports `@actions/http-client` (for OIDC), and that imports
 * undici (about 900 KB of the 1.3 MB main bundle) and `tunnel` at the top, so any action built on
 * them pays for loading those before its first request.
 */
import * as core from '@actions/core';
import { HttpClient } from '@actions/http-client';

const key = core.getInput('warp_api_key', { required: true });
core.setSecret(key);
const client = new HttpClient('oz-agent-action-bench', [], { keepAlive: false, allowRetries: false });
const url = `${core.getInput('api_base_url')}/agent/runs`;
const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json', accept: 'application/json' };
await client.post(url, JSON.stringify({ prompt: core.getInput('prompt') }), headers);
process.exit(0);
