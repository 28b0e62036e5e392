/** Longer than this, a "URL" is not a link anyone follows; it is dropped rather than bloat a summary or output. */
const MAX_URL_LENGTH = 8192;

/**
 * The URL normalised, with the characters that could end a Markdown link target percent-encoded;
 * undefined unless it is an absolute http(s) URL of reasonable length.
 */
export function safeUrl(url: unknown): string | undefined {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return parsed.href.replace(/[()<> "'`\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
