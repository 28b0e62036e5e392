/**
 * Secrets out of files. The runner masks registered secrets in the log, but not in the job summary,
 * the outputs, the state file, a comment or a check run: text from the API (an error body that
 * echoes the request, say) passes through this before it is written to any of them.
 */
export type Redact = (text: string) => string;

/** A function that replaces every secret in a text by `***`. Secrets shorter than 4 characters are ignored. */
export function redactor(secrets: readonly string[]): Redact {
  const kept = [...new Set(secrets.filter((s) => s.length >= 4))].sort((a, b) => b.length - a.length);
  if (kept.length === 0) return (text) => text;
  return (text) => kept.reduce((out, secret) => out.split(secret).join('***'), text);
}
