/**
 * Secrets out of what is published. The runner masks registered secrets in the log, but not in the
 * job summary, the outputs, the state file, a comment or a check run: text from the API (an error
 * body that echoes the request, say) passes through this before it is written to any of them. Text
 * the agent or the API wrote is also searched for credentials by pattern (see secrets.ts), since the
 * agent runs with its environment's secrets and may echo one.
 */
export type Redact = (text: string) => string;

/** A function that replaces every secret in a text by `***`. Secrets shorter than 4 characters are ignored. */
export function redactor(secrets: readonly string[]): Redact {
  const kept = [...new Set(secrets.filter((s) => s.length >= 4))].sort((a, b) => b.length - a.length);
  if (kept.length === 0) return (text) => text;
  return (text) => kept.reduce((out, secret) => out.split(secret).join('***'), text);
}

/** No credential the detector knows is shorter than this: shorter strings are not searched, nor is it loaded for them. */
const SHORTEST = 12;

/** Characters a token is made of: a match is widened over them, so a rule that reports too short a range leaves no tail. */
const TOKEN_CHAR = /[A-Za-z0-9/+=_-]/;

/** Recent answers, by text: one answer is published to the outputs, the summary, the comment and the check run. */
const recent = new Map<string, string>();
const RECENT_MAX = 64;

/**
 * Replaces every credential found by pattern with a marker that names its kind
 * (`[redacted github token]`), after `known` (the step's own key and token) has taken out the
 * secrets it knows. Loads the detector the first time a text is long enough to hold a credential.
 * This is the one function for any text the agent or the API wrote, before it is published.
 */
export async function redactCredentials(text: string, known: Redact = (t) => t): Promise<string> {
  const plain = known(text);
  if (plain.length < SHORTEST) return plain;
  const cached = recent.get(plain);
  if (cached !== undefined) return cached;
  const { findCredentials } = await import('./secrets.ts');
  const found = (await findCredentials(plain)).sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const credential of found) {
    let end = credential.end;
    while (end < plain.length && TOKEN_CHAR.test(plain[end]!)) end++;
    if (credential.start < at) {
      // Overlaps the credential just redacted (two rules, one secret): one marker for both.
      at = Math.max(at, end);
      continue;
    }
    out += `${plain.slice(at, credential.start)}[redacted ${credential.kind}]`;
    at = end;
  }
  const redacted = out + plain.slice(at);
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
  recent.set(plain, redacted);
  return redacted;
}

/**
 * A copy of `value` with every string in it (object keys too) passed through redactCredentials: a
 * report, a run or a structured answer keeps its shape, and a JSON answer stays valid JSON.
 */
export async function redactAll<T>(value: T, known: Redact = (t) => t): Promise<T> {
  if (typeof value === 'string') return (await redactCredentials(value, known)) as T;
  if (Array.isArray(value)) return (await Promise.all(value.map((v) => redactAll(v, known)))) as T;
  if (typeof value !== 'object' || value === null) return value;
  const entries = await Promise.all(
    Object.entries(value).map(async ([k, v]) => [await redactCredentials(k, known), await redactAll(v, known)] as const),
  );
  return Object.fromEntries(entries) as T;
}
