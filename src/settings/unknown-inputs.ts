import { INPUTS } from '../names.ts';
import { InputError } from '../errors.ts';
import { quote } from './primitives.ts';

/**
 * The runner hands a step every key under `with:` as an `INPUT_<NAME>` variable, known to the action
 * or not, and only warns about unknown ones: `api-key: ${{ secrets.WARP_API_KEY }}` then runs without
 * the key, `environment-id: ...` in no environment. A key that is close to one of this action's inputs
 * fails the step before any request; any other unknown key gets a warning. Only names are read here:
 * a value is never read, so never shown.
 */

/** Names users write for an input, after `normalize`, that no edit distance finds. */
const ALIASES: Record<string, string> = {
  api_key: 'warp_api_key',
  apikey: 'warp_api_key',
  key: 'warp_api_key',
  warp_key: 'warp_api_key',
  warp_token: 'warp_api_key',
  oz_api_key: 'warp_api_key',
  environment_id: 'environment',
  env_id: 'environment',
  model_id: 'model',
  skill_spec: 'skill',
  base_url: 'api_base_url',
  api_url: 'api_base_url',
  timeout: 'timeout_minutes',
  secret: 'secrets',
  team_uid: 'team',
  team_id: 'team',
};

const KNOWN: readonly string[] = Object.values(INPUTS).map((name) => name.input);

/** `Api-Key` → `api_key`: how the name reads with the action's spelling (lower case, `_` between words). */
function normalize(name: string): string {
  return name.toLowerCase().replace(/[-\s.]+/g, '_');
}

/** The input `name` most likely means, or undefined when it is close to none. */
export function likelyInput(name: string): string | undefined {
  const wanted = normalize(name);
  if (KNOWN.includes(wanted)) return wanted;
  if (ALIASES[wanted] !== undefined) return ALIASES[wanted];
  let best: { input: string; d: number } | undefined;
  for (const input of KNOWN) {
    const d = distance(wanted, input);
    if (best === undefined || d < best.d) best = { input, d };
  }
  // Two edits at most, and fewer than a third of the name: `foo` is not a typo of `mcp`.
  return best !== undefined && best.d <= Math.min(2, Math.floor(wanted.length / 3)) ? best.input : undefined;
}

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/**
 * Checks the names of the step's inputs (`INPUT_*` variables). Throws an InputError for a key close to
 * an input of this action, naming the key, the input it likely meant and the fix; returns a warning
 * for each other unknown key.
 */
export function checkInputNames(env: NodeJS.ProcessEnv): string[] {
  const warnings: string[] = [];
  for (const variable of Object.keys(env)) {
    if (!variable.startsWith('INPUT_')) continue;
    const key = variable.slice('INPUT_'.length).toLowerCase();
    if (KNOWN.includes(key)) continue;
    const meant = likelyInput(key);
    if (meant === undefined) {
      warnings.push(
        `The input ${quote(key)} is not an input of this action, so nothing reads it. Remove it, or see action.yml for the inputs.`,
      );
      continue;
    }
    const why = normalize(key) === meant ? ` (input names are written with "_", not "-")` : '';
    throw new InputError(
      key,
      'unsupported',
      `The input ${quote(key)} is not an input of this action, so it would be ignored: it most likely means ${meant}${why}. ` +
        `Rename ${key}: to ${meant}: under with: in the workflow. Nothing was sent.`,
    );
  }
  return warnings;
}
