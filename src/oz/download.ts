import type { FileHandle } from 'node:fs/promises';
import { CodedError, hasCode, messageOf } from '../errors.ts';
import { httpClient } from './http.ts';

/** A download that failed: an expired or refused URL, a dropped connection, or a file over its cap. */
export class DownloadError extends CodedError<'download'> {
  override name = 'DownloadError';
  constructor(message: string) {
    super('download', message);
  }
}

/**
 * Fetches a signed artifact URL into an open file, at most `maxBytes`, within `timeoutMs` in all. The
 * URL is on another host and carries its own signature: this client sends no API key, ever (it has no
 * Authorization header to send). `signal` aborts it in flight, connection and all. Returns the bytes
 * written.
 */
export async function download(
  url: string,
  file: FileHandle,
  maxBytes: number,
  userAgent: string,
  signal?: AbortSignal,
  timeoutMs = 60_000,
): Promise<number> {
  const deadline = AbortSignal.timeout(timeoutMs);
  const bound = signal ? AbortSignal.any([signal, deadline]) : deadline;
  const why = () => (signal?.aborted ? 'the download was stopped' : `the download did not finish within ${timeoutMs / 1000} s`);
  let response;
  try {
    response = await httpClient(userAgent, timeoutMs, bound, 3).get(url);
  } catch (error) {
    throw new DownloadError(bound.aborted ? why() : `the download failed: ${messageOf(error)}`);
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
  // The body is aborted too: a stalled or trickling answer must not outlast a stop.
  const onAbort = () => response.message.destroy(new DownloadError(why()));
  bound.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const chunk of response.message as AsyncIterable<Buffer>) {
      if (bound.aborted) throw new DownloadError(why());
      written += chunk.length;
      if (written > maxBytes) throw new DownloadError(`the file is over the cap of ${maxBytes} bytes`);
      await file.write(chunk);
    }
  } catch (error) {
    response.message.destroy();
    if (bound.aborted) throw new DownloadError(why());
    throw hasCode(error, 'download') ? error : new DownloadError(`the download broke off: ${messageOf(error)}`);
  } finally {
    bound.removeEventListener('abort', onAbort);
  }
  return written;
}
