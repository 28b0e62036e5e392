/**
 * GitHub's size limits, and shortening text to fit them. The runner drops a job summary over 1 MiB
 * whole, and an output is at most 1 MiB (all of a job's outputs together too), so long API text is
 * cut here with a note rather than break the step.
 */

/** The job summary of one step, under GitHub's 1 MiB with room to spare. */
export const MAX_SUMMARY_BYTES = 900 * 1024;
/** One text output (title, status_message...). */
export const MAX_TEXT_OUTPUT_BYTES = 16 * 1024;
/** The `artifacts` output. */
export const MAX_ARTIFACTS_OUTPUT_BYTES = 128 * 1024;
/** `agent_output` and `structured_output`. */
export const MAX_ANSWER_OUTPUT_BYTES = 128 * 1024;
/** The `run` output, the largest: together the outputs stay well under 1 MiB. */
export const MAX_RUN_OUTPUT_BYTES = 512 * 1024;
/** Text from the API shown in the summary or a comment (a title, a status message, a note). */
export const MAX_SHOWN_TEXT_CHARS = 4000;
/** Items of a list shown in the summary before "and N more". */
export const MAX_LIST_ITEMS = 50;

const SHORTENED = ' … (shortened)';

/** `text` cut to at most `maxBytes` of UTF-8 (without splitting a character), marked when cut. */
export function fitBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const room = Math.max(0, maxBytes - Buffer.byteLength(SHORTENED, 'utf8'));
  let cut = Buffer.from(text, 'utf8').subarray(0, room).toString('utf8');
  // A character split at the cut decodes as U+FFFD: drop it.
  cut = cut.replace(/\uFFFD$/, '');
  return cut + SHORTENED;
}

/** `text` cut to at most `maxChars` characters (code points), marked when cut. */
export function fitChars(text: string, maxChars: number = MAX_SHOWN_TEXT_CHARS): string {
  const chars = Array.from(text);
  return chars.length <= maxChars ? text : chars.slice(0, maxChars).join('') + SHORTENED;
}

/**
 * `value` as JSON of at most `maxBytes`: when it is longer, every string in it is cut shorter and
 * shorter until it fits (the structure stays whole, so later steps can still parse it).
 */
export function fitJson(value: unknown, maxBytes: number): string {
  let json = JSON.stringify(value) ?? '';
  for (let limit = 4096; Buffer.byteLength(json, 'utf8') > maxBytes && limit >= 16; limit = Math.floor(limit / 4)) {
    json = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? fitChars(v, limit) : v));
  }
  // Still too long (a huge array of numbers, say): say so rather than emit JSON that is cut mid-way.
  return Buffer.byteLength(json, 'utf8') <= maxBytes ? json : JSON.stringify({ shortened: true, bytes: Buffer.byteLength(json) });
}

/** The first `max` items, and how many were left out. */
export function capList<T>(items: readonly T[], max: number = MAX_LIST_ITEMS): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}

/** GitHub refuses (422) a comment or review body longer than this; counted in UTF-16 units, the stricter count. */
export const MAX_COMMENT_CHARS = 65_536;
/** GitHub refuses (422) a check run whose output title, summary or text is longer than this. */
export const MAX_CHECK_TEXT_CHARS = 65_535;

/** `text` cut to at most `maxUnits` UTF-16 units (never half a character), marked when cut. */
export function fitUnits(text: string, maxUnits: number): string {
  if (text.length <= maxUnits) return text;
  let cut = text.slice(0, Math.max(0, maxUnits - SHORTENED.length));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + SHORTENED;
}

/**
 * What `render(budget)` makes, within `maxUnits`: `budget` is how much of the agent's text the renderer
 * may show, and its output shrinks with it. Escaping makes the size of a budget's output hard to
 * foresee (`<` becomes `&lt;`), so this renders, measures, and takes the excess off the budget until
 * the text fits. Past a few rounds (or at budget 0) it returns the last try, which the caller cuts.
 */
export function fitRendered(render: (budget: number) => string, maxUnits: number, budget: number): string {
  let text = render(budget);
  for (let round = 0; round < 8 && text.length > maxUnits && budget > 0; round++) {
    budget = Math.max(0, budget - (text.length - maxUnits) - 100);
    text = render(budget);
  }
  return text;
}
