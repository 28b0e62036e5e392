/**
 * Making text from the API safe to put in Markdown (job summaries, comments): no raw HTML, no
 * injected links or mentions, no broken tables.
 */

const WORD_JOINER = '\u2060';
// Named, not numeric, entities: a numeric one holds a "#" that the issue-reference rule below would split.
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Escapes text for GitHub-flavoured Markdown, inline (tables included). HTML is entity-escaped,
 * Markdown punctuation backslash-escaped, and the shapes GitHub would turn into links or pings on its
 * own (`https://`, `www.`, `@name`, `#123`) get an invisible word joiner so they stay plain text.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!)
      .replace(/[\\`*_{}[\]()!|~^$]/g, '\\$&')
      // List markers, thematic breaks and setext underlines only act at the start of a line.
      .replace(/^[-+=]/, '\\$&')
      .replace(/^(\d+)([.)])/, '$1\\$2')
      .replace(/([a-z][a-z0-9+.-]*):\/\//gi, `$1${WORD_JOINER}://`)
      .replace(/\bwww\./gi, `www${WORD_JOINER}.`)
      .replace(/@/g, `@${WORD_JOINER}`)
      .replace(/#/g, `#${WORD_JOINER}`)
      .replace(/\r\n|\r|\n/g, '<br>')
  );
}

/** A link to `url` only when it is an absolute http(s) URL; otherwise the escaped text alone. */
export function safeLink(label: string, url: unknown): string {
  const href = safeUrl(url);
  return href === undefined ? escapeMarkdown(label) : `[${escapeMarkdown(label)}](${href})`;
}

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

/** Markdown inline text outside code: HTML tags inert, mentions dead, links and images http(s) only. */
function sanitizeInline(text: string): string {
  return (
    text
      // Links and images: kept when their target is http(s), else the text alone.
      .replace(
        /(!?)\[([^\]\n]*)\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)>?(?:\s+"[^"\n]*")?\s*\)/g,
        (_m, bang: string, label: string, url: string) => {
          const href = safeUrl(url);
          return href === undefined ? label : `${bang}[${label}](${href})`;
        },
      )
      .replace(/</g, '&lt;')
      .replace(/@(?=[A-Za-z0-9])/g, `@${WORD_JOINER}`)
  );
}

/**
 * Markdown written by the agent, made safe to show in a summary or a comment while it still renders as
 * Markdown: no raw HTML (it cannot close a `<details>` or add a tag), no live @-mentions, no links or
 * images other than http(s), and no code fence left open to swallow what follows. Code spans and
 * fenced code stay as they are: there, nothing renders.
 */
export function sanitizeMarkdown(text: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      out.push(line);
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      continue;
    }
    if (marker !== undefined) {
      fence = marker;
      out.push(line.replace(/</g, '&lt;'));
      continue;
    }
    // Reference-style link definitions: dropped unless they point to http(s).
    const definition = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(\s.*)?$/.exec(line);
    if (definition && safeUrl(definition[1]) === undefined) continue;
    // Outside code spans only (odd parts of a split on backtick runs are code).
    out.push(
      line
        .split(/(`+[^`]*`+)/)
        .map((part, i) => (i % 2 === 1 ? part : sanitizeInline(part)))
        .join(''),
    );
  }
  if (fence !== undefined) out.push(fence);
  return out.join('\n');
}
