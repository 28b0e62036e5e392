/**
 * Reviews of a pull request: the JSON Schema of the review the agent is asked for, the review's
 * types, and the instruction added to the prompt. The instruction ends with the schema instruction
 * that structured output uses, so the review is found and validated the same way.
 */

/** The JSON Schema of a review (draft-07, as the validator's default); its type is Review in review/text.ts. */
export const REVIEW_SCHEMA: Record<string, unknown> = {
  type: 'object',
  required: ['verdict', 'summary', 'comments'],
  properties: {
    verdict: { enum: ['approve', 'comment', 'request_changes'] },
    summary: { type: 'string', description: 'The review in a few sentences of Markdown: what the change does and what must change.' },
    comments: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'line', 'body'],
        properties: {
          path: { type: 'string', minLength: 1, description: "The file's path in the repository, as in the diff." },
          line: { type: 'integer', minimum: 1, description: 'The line the comment is on (the last line of a range).' },
          start_line: { type: 'integer', minimum: 1, description: 'The first line of a range of lines, before line.' },
          side: { enum: ['RIGHT', 'LEFT'], description: 'RIGHT (default): a line of the new version; LEFT: a removed line.' },
          body: { type: 'string', minLength: 1, description: 'The comment, in Markdown.' },
          suggestion: { type: 'string', description: 'The text that should replace the line(s), exactly, without a code fence.' },
        },
      },
    },
  },
};

/** What the agent is told about the pull request it reviews. */
export interface ReviewTarget {
  number: number;
  url?: string;
  headSha: string;
  baseSha?: string;
  /** The changed files, by path; empty when they could not be read. */
  files: string[];
  /** The commit the action's previous review of this pull request was of. */
  previousCommit?: string;
}

/** Changed files named in the prompt before "and N more". */
const MAX_PROMPT_FILES = 300;

/**
 * The review instruction, for the end of a prompt or a follow-up: which pull request, its commits and
 * changed files, the focus of a re-review, and how to write comments.
 */
export function reviewInstruction(target: ReviewTarget): string {
  const files = target.files.slice(0, MAX_PROMPT_FILES).map((file) => `- ${file}`);
  if (target.files.length > MAX_PROMPT_FILES) files.push(`- and ${target.files.length - MAX_PROMPT_FILES} more`);
  const lines = [
    '',
    '',
    '---',
    `Review pull request #${target.number}${target.url ? ` (${target.url})` : ''}.`,
    `Its head commit is ${target.headSha}${target.baseSha ? ` and its base commit is ${target.baseSha}` : ''}: review the changes between them.`,
  ];
  if (files.length > 0) lines.push('', 'Changed files:', ...files);
  if (target.previousCommit !== undefined) {
    lines.push(
      '',
      target.previousCommit === target.headSha
        ? `You reviewed this same head commit (${target.previousCommit}) before: only say what your earlier review missed.`
        : `You reviewed this pull request before, at commit ${target.previousCommit}. Focus on the changes since then (git diff ${target.previousCommit} ${target.headSha}), and do not repeat earlier comments.`,
    );
  }
  lines.push(
    '',
    'Comment only on lines that the pull request changes or that stand next to a change (lines of the diff): `line` is the line number in the new file (side RIGHT), or in the old file for a removed line (side LEFT).',
    'Put a suggested replacement for the line (or the lines from start_line to line) in `suggestion`, as plain text without a code fence.',
    'The verdict is request_changes when something must change before merging, approve when nothing must, and comment otherwise.',
  );
  // The schema's own instruction is added where every schema's is (run/plan.ts, asSent): REVIEW_SCHEMA is the run's output schema.
  return lines.join('\n');
}
