/**
 * The sanitiser judged by what GitHub's renderer makes of its output: cmark-gfm (GitHub's own parser)
 * when it is installed, micromark with GFM always. Neither raw HTML nor a live mention may come
 * through, and no code the agent opened may swallow what the action writes after its answer.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeMarkdown } from '../../src/report/markdown.ts';
import { ACTION_WORDS } from '../../src/action/vocabulary.ts';
import { renderSummary } from '../../src/report/summary.ts';
import type { RunItem } from '../../src/oz/types.ts';
import { CMARK_MISSING, cmarkAvailable, cmarkHtml, liveMentions, micromarkHasRawHtml, micromarkHtml, outsideCode } from '../helpers/gfm.ts';

const ATTACK = '<img src=x onerror=alert(1)> @alice';

/** Answers GitHub reads otherwise than a naive sanitiser does (each was seen to reach a summary). */
const TRICKY: Record<string, string> = {
  'backtick runs of unequal length': `\`\`${ATTACK}\` done`,
  'a code span GitHub closes on the next line': `see \`a\nb\` ${ATTACK} \``,
  'a fence whose info string holds a backtick': `\`\`\`js\`\n${ATTACK}\n\`\`\``,
  'a fence inside a list item, ended by the item': `- step\n  \`\`\`\nout\n${ATTACK}\n\`\`\``,
  'a fence closed by a line with a no-break space': `\`\`\`\n\`\`\`\u00a0\n${ATTACK}\n\`\`\`\n${ATTACK}`,
  'a tilde fence inside a block quote': `> ~~~\n> x\n~~~\n${ATTACK}\n~~~`,
  'a link whose destination opens a code span': `[a](\`x) ${ATTACK} \``,
  'a bare link that runs over a backtick': `http://a.example\`${ATTACK}\``,
  'a www link that runs over a backtick': `www.a.example\`${ATTACK}\``,
  'a table cell split inside a code span': `| a | b |\n| - | - |\n| \`${ATTACK}|y\` | z |`,
  'a one-column table without pipes': `a\n:-\n\`${ATTACK}|y\``,
  'an escaped angle bracket': `\\${ATTACK}`,
};

/** `count` answers mixing, at random (but the same each run), the pieces GitHub's parser reads in more than one way. */
function randomAnswers(count: number, seed: number): string[] {
  const pieces = ['`', '``', '```', '~~~', '\\', '<b>', '@bob', '|', '\n', ' ', '- ', '> ', '  ', '    ', '[a](', '](', ')'];
  const more = ['http://h.example', 'www.h.example', ':-', '| - |', 'x', '*', '_', '1. ', '"', "'", '(', '\u00a0', '\t'];
  const all = [...pieces, ...more];
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(random() * 30) }, () => all[Math.floor(random() * all.length)]).join(''),
  );
}

/** Whatever the agent wrote, this sentence after its answer must render as text, not code. */
const AFTER = 'The run details follow.';

function checkRendered(html: string, rawHtml: boolean): void {
  expect(rawHtml, html).toBe(false);
  expect(liveMentions(html), html).toEqual([]);
  expect(outsideCode(html), html).toContain(AFTER);
}

describe('sanitizeMarkdown, as micromark (GFM) renders it', () => {
  for (const [name, answer] of Object.entries(TRICKY)) {
    it(`lets no HTML or mention through, and leaves no code open: ${name}`, () => {
      const md = `${sanitizeMarkdown(answer)}\n\n${AFTER}`;
      checkRendered(micromarkHtml(md), micromarkHasRawHtml(md));
    });
  }

  it('holds for random mixes of the constructs GitHub reads in more than one way', () => {
    for (const answer of randomAnswers(1500, 14)) {
      const md = `${sanitizeMarkdown(answer)}\n\n${AFTER}`;
      const html = micromarkHtml(md);
      expect({ answer, raw: micromarkHasRawHtml(md), mentions: liveMentions(html), closed: outsideCode(html).includes(AFTER) }).toEqual({
        answer,
        raw: false,
        mentions: [],
        closed: true,
      });
    }
  }, 120_000);

  it('keeps code as code and Markdown as Markdown', () => {
    const answer = [
      'Fixed `Array<string>` in `a|b` and `` x ` y `` for @alice.',
      '',
      '```ts',
      'const x: Map<string, number> = new Map(); // @bob',
      '```',
      '',
      'See [the docs](https://docs.example/a_(b)) and ~~old~~ text.',
    ].join('\n');
    const html = micromarkHtml(sanitizeMarkdown(answer));
    expect(html).toContain('<code>Array&lt;string&gt;</code>');
    expect(html).toContain('<code>a|b</code>');
    expect(html).toContain('<code>x ` y</code>');
    expect(html).toContain('<pre><code class="language-ts">const x: Map&lt;string, number&gt; = new Map(); // @bob\n</code></pre>');
    expect(html).toContain('<a href="https://docs.example/a_%28b%29">the docs</a>');
    expect(html).toContain('<del>old</del>');
    expect(liveMentions(html)).toEqual([]);
  });
});

const RUN: RunItem = {
  run_id: 'r-14',
  task_id: 'r-14',
  title: 'Review',
  prompt: 'p',
  state: 'FAILED',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:01:00Z',
  status_message: { message: 'It broke', error_code: 'x|y_unknown' },
};

describe.runIf(cmarkAvailable)('sanitizeMarkdown and the summary, as cmark-gfm (GitHub’s parser) renders them', () => {
  for (const [name, answer] of Object.entries(TRICKY)) {
    it(`lets no HTML or mention through, and leaves no code open: ${name}`, () => {
      const html = cmarkHtml(`${sanitizeMarkdown(answer)}\n\n${AFTER}`);
      checkRendered(html, html.includes('raw HTML omitted'));
    });
  }

  it('holds for random mixes of the constructs GitHub reads in more than one way', () => {
    for (const answer of randomAnswers(300, 15)) {
      const html = cmarkHtml(`${sanitizeMarkdown(answer)}\n\n${AFTER}`);
      expect({
        answer,
        raw: html.includes('raw HTML omitted'),
        mentions: liveMentions(html),
        closed: outsideCode(html).includes(AFTER),
      }).toEqual({ answer, raw: false, mentions: [], closed: true });
    }
  }, 120_000);

  it('shows a table cell with a | in a code span whole (an error code x|y)', () => {
    const html = cmarkHtml(renderSummary({ outcome: 'failed', run: RUN }, ACTION_WORDS), { unsafe: true });
    expect(html).toContain('<td>Error code</td>\n<td><code>x|y_unknown</code></td>');
  });

  it('keeps the run details out of a fence the agent opened', () => {
    const answer = '```js`\nconsole.log(1)\n```\nand then';
    const html = cmarkHtml(renderSummary({ outcome: 'failed', run: RUN, agentOutput: answer }, ACTION_WORDS), { unsafe: true });
    expect(outsideCode(html)).toContain('Run details');
    expect(outsideCode(html)).toContain('It broke');
  });
});

describe.skipIf(cmarkAvailable)('cmark-gfm', () => {
  it.skip(CMARK_MISSING, () => {});
});
