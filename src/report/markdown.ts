/**
 * Making text from the API safe to put in Markdown (job summaries, comments): no raw HTML, no
 * injected links or mentions, no broken tables.
 */
import { safeUrl } from './url.ts';

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

/**
 * `text` as an inline code span, on one line: fenced by a backtick run longer than any inside it, and
 * with `|` escaped when it goes in a table cell (GitHub splits cells on `|` before it reads code spans,
 * and takes `\|` back to `|` there).
 */
export function inlineCode(text: string, options: { table?: boolean } = {}): string {
  let code = text.replace(/\r\n|\r|\n/g, ' ');
  if (options.table) code = code.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = code.startsWith('`') || code.endsWith('`') || code.trim() === '' ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}

/** A link to `url` only when it is an absolute http(s) URL; otherwise the escaped text alone. */
export function safeLink(label: string, url: unknown): string {
  const href = safeUrl(url);
  return href === undefined ? escapeMarkdown(label) : `[${escapeMarkdown(label)}](${href})`;
}

/** Markdown inline text outside code: HTML tags inert, mentions dead. */
function neutralize(text: string): string {
  return text.replace(/</g, '&lt;').replace(/@(?=[A-Za-z0-9])/g, `@${WORD_JOINER}`);
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** The length of the run of `char` starting at `at`. */
function runLength(line: string, at: number, char: string): number {
  let end = at;
  while (line[end] === char) end++;
  return end - at;
}

/** Where the next run of exactly `length` backticks after `from` starts on the line; -1 when there is none. */
function closingRun(line: string, from: number, length: number): number {
  for (let at = line.indexOf('`', from); at >= 0;) {
    const run = runLength(line, at, '`');
    if (run === length) return at;
    at = line.indexOf('`', at + run);
  }
  return -1;
}

/**
 * Whether the word before `at` may be one of GitHub's bare links (`https://...`, `www....`): the link
 * runs on over a backtick to the next space, so a code span opened there is not one.
 */
function insideAutolink(line: string, at: number): boolean {
  return /(?::\/\/|www\.|mailto:|xmpp:)\S*$/i.test(line.slice(0, at));
}

/**
 * An inline link's destination and title after `](` at `at` (CommonMark's forms: `<...>` or a run
 * without spaces and with balanced parentheses, then an optional title), up to its `)`. Undefined when
 * the rest of the line holds none.
 */
function linkDestination(line: string, at: number): { url: string; end: number } | undefined {
  const match =
    /^[ \t]*(?:<((?:[^<>\\\n]|\\.)*)>|((?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*))(?:[ \t]+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?[ \t]*\)/.exec(
      line.slice(at),
    );
  return match ? { url: match[1] ?? match[2] ?? '', end: at + match[0].length } : undefined;
}

/**
 * One line of Markdown outside fenced code, made safe. It is read as GitHub's parser reads it, and
 * whatever could be read two ways is written so that it can be read only one way:
 * - a code span is kept only when its closing run is on the same line; every other backtick run is
 *   backslash-escaped, so no code span can open here and close on a later line (or start a fence in
 *   a list item or block quote), and the text around it is sanitised;
 * - a run of three tildes is escaped too (a fence inside a list item or block quote);
 * - a link's destination is kept only when it is http(s), and written percent-encoded; otherwise its
 *   `]` is escaped, so no link (and no code span GitHub would see inside one) forms;
 * - where the line may be a table row, a `|` in a code span is escaped, as GitHub's tables need.
 */
function sanitizeLine(line: string, tableRow: boolean): string {
  let out = '';
  let text = '';
  const flush = () => {
    out += neutralize(text);
    text = '';
  };
  for (let i = 0; i < line.length;) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length && ASCII_PUNCTUATION.test(line[i + 1]!)) {
      // `\<` would still open a tag once `<` is an entity after the backslash: write the entity alone.
      text += line[i + 1] === '<' ? '<' : line.slice(i, i + 2);
      i += 2;
    } else if (c === '`') {
      const run = runLength(line, i, '`');
      const close = insideAutolink(line, i) ? -1 : closingRun(line, i + run, run);
      if (close < 0) {
        text += '\\`'.repeat(run);
        i += run;
        continue;
      }
      flush();
      const span = line.slice(i, close + run);
      out += tableRow ? span.replace(/(?<!\\)\|/g, '\\|') : span;
      i = close + run;
    } else if (c === '~' && runLength(line, i, '~') >= 3) {
      const run = runLength(line, i, '~');
      text += `\\${'~'.repeat(run)}`;
      i += run;
    } else if (c === ']' && line[i + 1] === '(') {
      const destination = linkDestination(line, i + 2);
      const href = destination && safeUrl(destination.url);
      if (destination && href !== undefined) {
        flush();
        out += `](${href})`;
        i = destination.end;
      } else {
        // No link: the label stays as text, and a destination that is not http(s) is left out.
        text += '\\]';
        i = destination ? destination.end : i + 1;
      }
    } else {
      text += c;
      i++;
    }
  }
  flush();
  return out;
}

/** A backtick or tilde fence opening a code block, as CommonMark reads one (a backtick fence's info holds no backtick). */
function fenceOpening(line: string): { marker: string; info: string } | undefined {
  const match = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
  if (!match) return undefined;
  const [, marker, rest] = match;
  if (marker![0] === '`' && rest!.includes('`')) return undefined;
  return { marker: marker!, info: rest!.trim() };
}

/**
 * Whether a line may be a table's delimiter row (`| --- | :-: |`, `:--`; also inside a list item or
 * a block quote): after one, a line may be a table row, where `|` splits cells even in a code span.
 */
function delimiterRow(line: string): boolean {
  return /^[ \t|:>-]+$/.test(line) && line.includes('-') && /[|:]/.test(line);
}

/**
 * Markdown written by the agent, made safe to show in a summary or a comment while it still renders as
 * Markdown: no raw HTML (it cannot close a `<details>` or add a tag), no live @-mentions, no links or
 * images other than http(s), and no code fence left open to swallow what follows. Code stays as it is
 * (there, nothing renders), and what is kept as code is code for GitHub's parser too: a fence is
 * written again at the start of the line with a plain info string, and it is closed by a fence this
 * function writes, on any line that could close it; see `sanitizeLine` for code spans.
 */
export function sanitizeMarkdown(text: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  let tables = false;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (fence !== undefined) {
      // Any line GitHub could take for the closing fence closes it here too (more lines than GitHub's
      // rule, never fewer), and the fence written is one GitHub closes on.
      const closing = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(line);
      out.push(closing ? fence : line);
      if (closing) fence = undefined;
      continue;
    }
    const opening = fenceOpening(line);
    if (opening) {
      fence = opening.marker;
      out.push(`${fence}${/^[\w+#.-]*/.exec(opening.info)![0]}`);
      continue;
    }
    // Reference-style link definitions: dropped unless they point to http(s).
    const definition = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(\s.*)?$/.exec(line);
    if (definition && safeUrl(definition[1]) === undefined) continue;
    tables ||= delimiterRow(line);
    out.push(sanitizeLine(line, tables));
  }
  if (fence !== undefined) out.push(fence);
  return out.join('\n');
}
