/**
 * Structured output: the instruction added to the prompt when an output schema is set, and the JSON
 * object taken from the agent's final answer and checked against the schema.
 */

import { compileSchema } from '../settings/primitives.ts';

/**
 * The message of what a parse or a compile threw. Not the error model's messageOf: a module that
 * imports src/errors.ts (classes with constructors) cannot be left out of a bundle by the bundler, and
 * the post step's bundle leaves this one out, and Ajv's chunk with it.
 */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Appended to the prompt. The agent is asked for one fenced `json` block at the end of its final
 * answer, so the answer stays readable and the object is easy to find.
 */
export function schemaInstruction(schema: Record<string, unknown>): string {
  return [
    '',
    '',
    '---',
    'When you have finished, end your final answer with one JSON object that matches the JSON Schema below,',
    'in a fenced code block marked `json`, and write nothing after that block.',
    '',
    '```json',
    JSON.stringify(schema, null, 2),
    '```',
  ].join('\n');
}

export type StructuredOutput = { ok: true; value: unknown } | { ok: false; errors: string[] };

/** The last fenced `json` block of a text, parsed; an error when there is none or it is not JSON. */
export function extractJson(answer: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const last = lastJsonBlock(answer);
  if (last === undefined) return { ok: false, error: 'the final answer has no fenced ```json block' };
  try {
    return { ok: true, value: JSON.parse(last) as unknown };
  } catch (error) {
    return { ok: false, error: `the last \`\`\`json block is not valid JSON (${messageOf(error)})` };
  }
}

const OPENER = /^[ \t]*(`{3,}|~{3,})[ \t]*json[ \t]*$/i;
const CLOSER = /^[ \t]*(`{3,}|~{3,})[ \t]*$/;

/**
 * The body of the last fenced `json` block: a line of three or more backticks or tildes followed by
 * `json`, then lines, then a line of the same fence alone (the nearest one; an opener without one is
 * no block, and blocks do not nest). In time linear in the text: each line is looked at a fixed number
 * of times, whatever the agent wrote (a regular expression that retries every unclosed opener is
 * quadratic).
 */
export function lastJsonBlock(text: string): string | undefined {
  const lines: { start: number; text: string }[] = [];
  for (let start = 0; start <= text.length;) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    lines.push({ start, text: text.slice(start, text[stop - 1] === '\r' ? stop - 1 : stop) });
    start = stop + 1;
  }
  // Where each fence closes, in order, so an opener finds its nearest closer by moving a pointer on.
  const closers = new Map<string, { at: number[]; next: number }>();
  lines.forEach((line, index) => {
    const fence = CLOSER.exec(line.text)?.[1];
    if (fence === undefined) return;
    const list = closers.get(fence) ?? { at: [], next: 0 };
    list.at.push(index);
    closers.set(fence, list);
  });
  let found: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const fence = OPENER.exec(lines[i]!.text)?.[1];
    if (fence === undefined) continue;
    const list = closers.get(fence);
    // The body is at least one line (maybe empty): the closer is two lines on or more.
    while (list !== undefined && list.next < list.at.length && list.at[list.next]! < i + 2) list.next++;
    const close = list?.at[list.next];
    if (close === undefined) continue;
    const body = lines[close - 1]!;
    found = text.slice(lines[i + 1]!.start, body.start + body.text.length);
    i = close;
  }
  return found;
}

/** The structured output of a final answer: the object, valid against the schema, or what is wrong. */
export async function structuredOutput(answer: string, schema: Record<string, unknown>): Promise<StructuredOutput> {
  if (answer.trim() === '') return { ok: false, errors: ['the run has no final answer to read a JSON object from'] };
  const extracted = extractJson(answer);
  if (!extracted.ok) return { ok: false, errors: [extracted.error] };
  const errors = (await compileSchema(schema))(extracted.value);
  return errors.length === 0 ? { ok: true, value: extracted.value } : { ok: false, errors };
}
