/**
 * What GitHub's Markdown renderer makes of a text, to test what the action writes against the parser
 * that shows it: cmark-gfm (GitHub's own fork of cmark, Debian package `cmark-gfm`) when it is
 * installed, and micromark with its GFM extension (the same spec, from npm) always.
 */
import { spawnSync } from 'node:child_process';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

/** The extensions github.com turns on, as cmark-gfm flags. */
const CMARK_FLAGS = ['-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '-e', 'tagfilter'];

/** Whether the cmark-gfm binary is on PATH; `.ci/run` installs it. */
export const cmarkAvailable = spawnSync('cmark-gfm', ['--version'], { encoding: 'utf8' }).status === 0;

/** The message a test shows when cmark-gfm is missing, so a skip is never silent. */
export const CMARK_MISSING =
  'cmark-gfm is not installed, so the checks against GitHub\u2019s own parser are skipped (apt-get update && apt-get install -y cmark-gfm; .ci/run does it)';

/** HTML as cmark-gfm renders it; raw HTML shows as `<!-- raw HTML omitted -->` (or as-is with `unsafe`). */
export function cmarkHtml(markdown: string, options: { unsafe?: boolean } = {}): string {
  const result = spawnSync('cmark-gfm', [...CMARK_FLAGS, ...(options.unsafe ? ['--unsafe'] : [])], { input: markdown, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cmark-gfm failed: ${result.stderr}`);
  return result.stdout;
}

/** HTML as micromark with GFM renders it, raw HTML passed through as GitHub's parser sees it. */
export function micromarkHtml(markdown: string, options: { unsafe?: boolean } = { unsafe: true }): string {
  return micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: options.unsafe === true });
}

/** Whether micromark finds raw HTML in the text (it renders differently with raw HTML allowed). */
export function micromarkHasRawHtml(markdown: string): boolean {
  return micromarkHtml(markdown, { unsafe: true }) !== micromarkHtml(markdown, { unsafe: false });
}

/** The rendered text outside code (`<pre>`, `<code>`) with tags removed: where a mention or a tag would be live. */
export function outsideCode(html: string): string {
  return html
    .replace(/<pre[\s\S]*?<\/pre>/g, '')
    .replace(/<code>[\s\S]*?<\/code>/g, '')
    .replace(/<[^>]*>/g, '');
}

/** Mentions GitHub would make live in the rendered text: an `@` right before a name. */
export function liveMentions(html: string): string[] {
  return outsideCode(html).match(/@[A-Za-z0-9][A-Za-z0-9-]*/g) ?? [];
}
