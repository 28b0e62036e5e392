import { HttpClient } from '@actions/http-client';
import type { FileHandle } from 'node:fs/promises';

/** A download that failed: an expired or refused URL, a dropped connection, or a file over its cap. */
export class DownloadError extends Error {
  override name = 'DownloadError';
}

/**
 * Fetches a signed artifact URL into an open file, at most `maxBytes`. The URL is on another host and
 * carries its own signature: this client sends no API key, ever (it has no Authorization header to
 * send). Returns the bytes written.
 */
export async function download(
  url: string,
  file: FileHandle,
  maxBytes: number,
  userAgent: string,
  signal?: AbortSignal,
  timeoutMs = 60_000,
): Promise<number> {
  const http = new HttpClient(userAgent, [], {
    socketTimeout: timeoutMs,
    keepAlive: false,
    allowRetries: false,
    allowRedirects: true,
    maxRedirects: 3,
  });
  let response;
  try {
    response = await http.get(url);
  } catch (error) {
    throw new DownloadError(`the download failed: ${(error as Error).message}`);
  }
  const status = response.message.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    response.message.resume();
    throw new DownloadError(`the download URL answered ${status}${status === 403 || status === 410 ? ' (it may have expired)' : ''}`);
  }
  const declared = Number(response.message.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.message.destroy();
    throw new DownloadError(`the file is ${declared} bytes, over the cap of ${maxBytes}`);
  }
  let written = 0;
  try {
    for await (const chunk of response.message as AsyncIterable<Buffer>) {
      if (signal?.aborted) throw new DownloadError('the download was stopped');
      written += chunk.length;
      if (written > maxBytes) throw new DownloadError(`the file is over the cap of ${maxBytes} bytes`);
      await file.write(chunk);
    }
  } catch (error) {
    response.message.destroy();
    throw error instanceof DownloadError ? error : new DownloadError(`the download broke off: ${(error as Error).message}`);
  }
  return written;
}
