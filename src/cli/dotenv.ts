import { OUTPUTS } from '../names.ts';
/**
 * The `--output-file` report for GitLab's `artifacts: reports: dotenv`. GitLab refuses the whole
 * report when it is 5 KiB (5,120 bytes) or more, or holds more than 20 variables, and reads each value
 * as one line; so the report is budgeted, and every value in it stays valid: a list is shortened to
 * the items that fit (still JSON), a text is shortened with a mark, and a link that does not fit is
 * left out rather than cut into a link that leads nowhere.
 */
import { fitBytes } from '../report/limits.ts';

/** The report's size, under GitLab's 5,120 bytes with room to spare. */
export const MAX_DOTENV_BYTES = 4096;
/** GitLab's smallest limit on the variables of one report (gitlab.com's paid tiers allow more). */
const MAX_DOTENV_VARIABLES = 20;
/** One value (a title, a status message; the list of files saved may take more): the others need room too. */
const MAX_VALUE_BYTES = 1024;
const MAX_FILES_VALUE_BYTES = 2048;

/** Outputs that can be long or span lines: left out of the report (`--json` has them). */
const NOT_IN_DOTENV = new Set<string>(OUTPUTS.filter((o) => 'notInDotenv' in o).map((o) => o.output));
/** What a later job needs most gets its room first. */
const FIRST = ['run_id', 'state', 'error_code', 'retryable', 'followed_up', 'pull_request_url', 'session_link', 'conversation_id'];
/** Outputs whose value is a link: whole or not at all. */
const LINKS = new Set(['pull_request_url', 'session_link']);

/** A JSON array with as many of its first items as fit in `maxBytes`; undefined when not even `[]` does. */
function fitList(items: unknown[], maxBytes: number): string | undefined {
  if (maxBytes < 2) return undefined;
  const kept: unknown[] = [];
  for (const item of items) {
    if (Buffer.byteLength(JSON.stringify([...kept, item]), 'utf8') > maxBytes) break;
    kept.push(item);
  }
  return JSON.stringify(kept);
}

/** `value` as one valid line of at most `maxBytes`, or undefined when no valid form of it fits. */
function fitValue(name: string, value: string, maxBytes: number): string | undefined {
  if (Buffer.byteLength(value, 'utf8') <= maxBytes) return value;
  if (LINKS.has(name)) return undefined;
  if (value.startsWith('[')) {
    try {
      const items: unknown = JSON.parse(value);
      if (Array.isArray(items)) return fitList(items, maxBytes);
    } catch {
      // Not JSON after all: shortened as text below.
    }
  }
  return maxBytes >= 32 ? fitBytes(value, maxBytes) : undefined;
}

/**
 * The dotenv report of `outputs` (`OZ_<NAME>=value` lines, in the outputs' order), within GitLab's
 * limits; `redact` takes secrets out of each value first.
 */
export function dotenvReport(outputs: Record<string, string>, redact: (text: string) => string): string {
  const names = Object.keys(outputs)
    .filter((name) => !NOT_IN_DOTENV.has(name))
    .slice(0, MAX_DOTENV_VARIABLES);
  const byNeed = [...FIRST.filter((n) => names.includes(n)), ...names.filter((n) => !FIRST.includes(n))];
  const values = new Map<string, string>();
  let room = MAX_DOTENV_BYTES;
  for (const name of byNeed) {
    const key = `OZ_${name.toUpperCase()}`;
    const line = redact(outputs[name]!).replace(/\s+/g, ' ').trim();
    // Room for the key, `=`, the new line, and for the keys still to come with an empty value.
    const later = byNeed.slice(byNeed.indexOf(name) + 1).reduce((sum, n) => sum + n.length + 5, 0);
    const cap = name === 'downloaded_files' ? MAX_FILES_VALUE_BYTES : MAX_VALUE_BYTES;
    const value = fitValue(name, line, Math.min(cap, room - key.length - 2 - later));
    values.set(name, value ?? '');
    room -= key.length + 2 + Buffer.byteLength(value ?? '', 'utf8');
  }
  return `${names.map((name) => `OZ_${name.toUpperCase()}=${values.get(name)}`).join('\n')}\n`;
}
