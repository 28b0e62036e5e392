import { messageOf } from '../errors.ts';
import type { Attachment } from '../oz/types.ts';
import { imageType } from '../settings/options.ts';

/**
 * Images pasted into the comment or issue that mentioned the trigger phrase (GitHub's user-attachment
 * links), downloaded to be sent with the prompt. Everything is bounded: how many, how large, how long,
 * and where from (GitHub's hosts only, also after a redirect). A download that fails is a warning.
 */

export interface ImageBounds {
  /** How many images at most (what the API's 5 leaves after the `attachments` input). */
  max: number;
  maxBytes: number;
  /** For each download, redirects included. */
  timeoutMs: number;
  /** The GitHub web host of this workflow (GITHUB_SERVER_URL): github.com, or a GitHub Enterprise Server. */
  serverUrl: string;
  /** Sent to the server host only (images in private repositories need it), never to a redirect's host. */
  token?: string;
}

export const IMAGE_BOUNDS = { maxBytes: 5 * 1024 * 1024, timeoutMs: 15_000 };
const MAX_REDIRECTS = 3;

/** The user-attachment image URLs in a body, in order, each once. */
export function imageUrls(body: string, serverUrl: string): string[] {
  const server = serverUrl.replace(/\/+$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    `(?:${server}/user-attachments/assets/[A-Za-z0-9-]+|https://(?:private-)?user-images\\.githubusercontent\\.com/[A-Za-z0-9._/%-]+\\.(?:png|jpe?g|gif|webp)(?:\\?[A-Za-z0-9=&._%-]*)?)`,
    'g',
  );
  return [...new Set(body.match(pattern) ?? [])];
}

/** Whether a URL is on a host GitHub serves attachments from: the server, or githubusercontent.com. */
function allowedHost(url: URL, serverUrl: string): boolean {
  const server = new URL(serverUrl);
  if (url.host === server.host && url.protocol === server.protocol) return true;
  return url.protocol === 'https:' && (url.hostname === 'githubusercontent.com' || url.hostname.endsWith('.githubusercontent.com'));
}

/** Downloads the images of `body` within the bounds; returns them and the warnings for those left out. */
export async function downloadImages(body: string, bounds: ImageBounds): Promise<{ attachments: Attachment[]; warnings: string[] }> {
  const attachments: Attachment[] = [];
  const warnings: string[] = [];
  const urls = imageUrls(body, bounds.serverUrl);
  if (urls.length > bounds.max) {
    warnings.push(`The comment has ${urls.length} images; only the first ${bounds.max} are sent to the agent (at most 5 attachments).`);
  }
  for (const [i, url] of urls.slice(0, Math.max(0, bounds.max)).entries()) {
    try {
      const data = await fetchImage(url, bounds);
      const mime = imageType(data);
      if (mime === undefined) throw new Error('it is not a jpeg, png, gif or webp image');
      attachments.push({
        file_name: `comment-image-${i + 1}.${mime.slice(6).replace('jpeg', 'jpg')}`,
        mime_type: mime,
        data: data.toString('base64'),
      });
    } catch (error) {
      warnings.push(`Image ${url} from the comment was not sent to the agent: ${messageOf(error)}.`);
    }
  }
  return { attachments, warnings };
}

async function fetchImage(first: string, bounds: ImageBounds): Promise<Buffer> {
  const signal = AbortSignal.timeout(bounds.timeoutMs);
  let url = new URL(first);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (!allowedHost(url, bounds.serverUrl)) throw new Error(`${url.host} is not a GitHub host`);
    const onServer = url.host === new URL(bounds.serverUrl).host;
    const response = await fetch(url, {
      redirect: 'manual',
      signal,
      headers: { Accept: 'image/*', ...(onServer && bounds.token ? { Authorization: `Bearer ${bounds.token}` } : {}) },
    });
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location');
      await response.body?.cancel();
      if (!location) throw new Error(`a ${response.status} without a location`);
      url = new URL(location, url);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`GitHub answered ${response.status}`);
    }
    return await readBounded(response, bounds.maxBytes);
  }
  throw new Error('too many redirects');
}

async function readBounded(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new Error(`it is larger than ${maxBytes / 1024 / 1024} MiB`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += (chunk as Uint8Array).length;
    if (size > maxBytes) throw new Error(`it is larger than ${maxBytes / 1024 / 1024} MiB`);
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}
