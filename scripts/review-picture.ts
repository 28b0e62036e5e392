/**
 * A pull request review as GitHub shows it, in HTML for `npm run pictures`: the review's body, then
 * each comment under the lines of the diff it is on, a ```suggestion block as a suggested change.
 */
import { marked } from 'marked';
import type { GitHubReview } from '../sim/github.ts';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export const REVIEW_CSS = `
.review { border: 1px solid #d1d9e0; border-radius: 6px; margin: 8px 0 16px; }
.review > .head { background: #f6f8fa; padding: 8px 16px; border-bottom: 1px solid #d1d9e0; font-size: 13px; }
.review > .body { padding: 8px 16px; }
.thread { border: 1px solid #d1d9e0; border-radius: 6px; margin: 12px 0; overflow: hidden; }
.thread > .file { background: #f6f8fa; padding: 6px 12px; font: 12px ui-monospace, monospace; border-bottom: 1px solid #d1d9e0; }
.diff { width: 100%; border-collapse: collapse; font: 12px/20px ui-monospace, monospace; }
.diff td { border: none; padding: 0 8px; white-space: pre; } .diff td.n { color: #59636e; width: 32px; text-align: right; }
.add { background: #dafbe1; } .del { background: #ffebe9; }
.comment { padding: 8px 12px; border-top: 1px solid #d1d9e0; } .comment p { margin: 4px 0; }
.suggested { border: 1px solid #d1d9e0; border-radius: 6px; margin: 8px 0; overflow: hidden; }
.suggested > .label { background: #f6f8fa; padding: 4px 8px; font-size: 12px; border-bottom: 1px solid #d1d9e0; }
`;

/** The last lines of the hunk up to `line` (new-file numbering), each with its number and kind. */
function hunkLines(patch: string, line: number, count = 4): { n: string; text: string; kind: string }[] {
  const out: { n: string; text: string; kind: string; at: number }[] = [];
  let right = 0;
  for (const text of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(text);
    if (hunk) {
      right = Number(hunk[1]);
      continue;
    }
    if (text.startsWith('-')) out.push({ n: '', text, kind: 'del', at: right });
    else out.push({ n: String(right), text, kind: text.startsWith('+') ? 'add' : '', at: right++ });
  }
  const end = out.findIndex((l) => l.n === String(line));
  return out.slice(Math.max(0, end - count + 1), end + 1);
}

/** A comment's body, its ```suggestion block shown as GitHub does: the line(s) replaced, and the new text. */
function commentHtml(body: string, replaced: string): string {
  const suggestion = /^(`{3,})suggestion\n([\s\S]*?)\n\1$/m.exec(body);
  const text = suggestion ? body.replace(suggestion[0], '') : body;
  let html = marked.parse(text, { async: false });
  if (suggestion) {
    const rows = [
      `<tr class="del"><td>${escape('- ' + replaced.slice(1))}</td></tr>`,
      ...suggestion[2]!.split('\n').map((l) => `<tr class="add"><td>${escape('+ ' + l)}</td></tr>`),
    ];
    html += `<div class="suggested"><div class="label">Suggested change</div><table class="diff">${rows.join('')}</table></div>`;
  }
  return html;
}

export function reviewHtml(review: GitHubReview, files: { filename: string; patch?: string }[], who: string): string {
  const verb =
    review.event === 'REQUEST_CHANGES' ? 'requested changes' : review.event === 'APPROVE' ? 'approved these changes' : 'reviewed';
  const body = marked.parse(review.body.replace(/<!--[\s\S]*?-->/g, ''), { async: false });
  const threads = review.comments.map((comment) => {
    const lines = hunkLines(files.find((f) => f.filename === comment.path)?.patch ?? '', comment.line);
    const rows = lines.map((l) => `<tr class="${l.kind}"><td class="n">${l.n}</td><td>${escape(l.text)}</td></tr>`).join('');
    return `<div class="thread"><div class="file">${escape(comment.path)}</div><table class="diff">${rows}</table><div class="comment"><p class="who"><b>${who}</b> (bot)</p>${commentHtml(comment.body, lines.at(-1)?.text ?? '')}</div></div>`;
  });
  return `<div class="review"><div class="head"><b>${who}</b> (bot) ${verb}</div><div class="body">${body}${threads.join('')}</div></div>`;
}
