import { messageOf } from '../errors.ts';
import type { OzClient } from '../oz/client.ts';
import { raceAbort } from '../oz/sleep.ts';
import type { CreateRunRequest, EnvironmentList, ModelList, SkillList } from '../oz/types.ts';

/**
 * The check before the run (pre-flight): the catalogue reads that tell a typo in a model, an
 * environment or a skill in seconds, rather than when the run fails minutes later. The reads run side
 * by side (one round trip), each bounded; a read that fails (404, 5xx, `feature_not_available`, a
 * timeout) is a debug note and never blocks the run. Imported only when used.
 */

/** What the check found: problems stop the run before the create; warnings and notes do not. */
export interface PreflightResult {
  problems: string[];
  warnings: string[];
  /** For a debug log: reads that failed, and what was checked. */
  notes: string[];
}

/**
 * How long the catalogue reads may take before the run goes ahead without them. The check is optional:
 * the lists answer in well under a second, and one that does not must not hold the run back for long.
 */
export const READ_BUDGET_MS = 3000;
/** Most ids or names listed in a message. */
const MAX_LISTED = 20;

/**
 * Checks the create's model, environment and skill against the catalogue. `label` names a setting as
 * the user wrote it (`model`, `--model`). The reads share one budget, `budgetMs`.
 */
export async function preflight(
  client: Pick<OzClient, 'listModels' | 'listEnvironments' | 'listSkills'>,
  create: CreateRunRequest,
  label: (name: string) => string,
  signal?: AbortSignal,
  budgetMs: number = READ_BUDGET_MS,
): Promise<PreflightResult> {
  const result: PreflightResult = { problems: [], warnings: [], notes: [] };
  const model = create.config?.model_id;
  const environment = create.config?.environment_id;
  const skillRepo = repoOfSkill(create.skill);
  // A timer of our own, not AbortSignal.timeout: it is cleared once the reads are done, and tests can fake it.
  const budget = new AbortController();
  const timer = setTimeout(() => budget.abort(new Error(`no answer within ${budgetMs / 1000} s`)), budgetMs);
  const within = AbortSignal.any([budget.signal, ...(signal ? [signal] : [])]);
  const read = <T>(what: string, get: () => Promise<T>): Promise<T | undefined> =>
    raceAbort(get(), within).catch((error: unknown) => {
      if (signal?.aborted) throw error;
      result.notes.push(`Could not read ${what} before the run (${messageOf(error)}); creating the run unchecked.`);
      return undefined;
    });
  const [models, environments, skills] = await Promise.all([
    model === undefined ? undefined : read('the models', () => client.listModels()),
    environment === undefined ? undefined : read('the environments', () => client.listEnvironments()),
    skillRepo === undefined ? undefined : read(`the skills of ${skillRepo}`, () => client.listSkills(skillRepo)),
  ]).finally(() => clearTimeout(timer));
  if (model !== undefined && models !== undefined) checkModel(model, models, label('model'), result);
  if (environment !== undefined && environments !== undefined) checkEnvironment(environment, environments, label('environment'), result);
  if (create.skill !== undefined && skillRepo !== undefined && skills !== undefined) checkSkill(create.skill, skillRepo, skills, result);
  return result;
}

function checkModel(id: string, list: ModelList, label: string, result: PreflightResult): void {
  const found = list.models.find((m) => m.id === id);
  if (found === undefined) {
    const ids = list.models.filter((m) => typeof m.id === 'string').map((m) => m.id);
    const near = closest(id, ids);
    result.problems.push(
      `${label} '${id}' is not a model this API key can use.${near ? ` Did you mean '${near}'?` : ''} Valid ids: ${listed(ids)}.`,
    );
  } else if (found.disable_reason) {
    result.problems.push(`${label} '${id}' cannot be used now: ${reasonText(found.disable_reason)} (${found.disable_reason}).`);
  } else {
    result.notes.push(`${label} '${id}' is available.`);
  }
}

function checkEnvironment(id: string, list: EnvironmentList, label: string, result: PreflightResult): void {
  const found = list.environments.find((e) => e.uid === id);
  if (found === undefined) {
    const known = list.environments
      .filter((e) => typeof e.uid === 'string')
      .map((e) => (e.config?.name ? `${e.config.name} (${e.uid})` : e.uid));
    const near = closest(
      id,
      list.environments.map((e) => e.uid),
    );
    result.problems.push(
      `${label} '${id}' is not an environment this API key can use.${near ? ` Did you mean '${near}'?` : ''} ${known.length > 0 ? `Environments: ${listed(known)}.` : 'The key can use no environment.'}`,
    );
  } else if (found.setup_failed === true) {
    const name = found.config?.name ? ` (${found.config.name})` : '';
    result.warnings.push(`The environment ${id}${name} failed during setup on its latest run; this run may fail the same way.`);
  } else {
    result.notes.push(`${label} '${id}' is available.`);
  }
}

function checkSkill(skill: string, repo: string, list: SkillList, result: PreflightResult): void {
  const rest = skill.slice(repo.length + 1);
  const found = list.agents.some(
    (agent) =>
      agent.name === rest ||
      (agent.variants ?? []).some(
        (v) => v.id === skill || (typeof v.id === 'string' && v.id.startsWith(`${repo}:`) && v.id.includes(`/${rest}/`)),
      ),
  );
  if (found) {
    result.notes.push(`The skill ${skill} is in ${repo}.`);
    return;
  }
  // A warning, not a problem: a skill's name and its path can differ in ways a list does not show.
  const names = list.agents.map((a) => a.name).filter((n): n is string => typeof n === 'string');
  result.warnings.push(
    `The skill '${rest}' was not found in ${repo} (${names.length > 0 ? `its skills: ${listed(names)}` : 'no skill found there'}); the run may fail.`,
  );
}

/** `owner/repo` of a skill given as `owner/repo:name` or `owner/repo:path/SKILL.md`; undefined otherwise. */
export function repoOfSkill(skill: string | undefined): string | undefined {
  const match = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+):/.exec(skill ?? '');
  return match?.[1];
}

const REASONS: Record<string, string> = {
  PROVIDER_OUTAGE: "the model's provider has an outage",
  OUT_OF_REQUESTS: 'the team is out of requests for it',
  ADMIN_DISABLED: 'a team admin turned it off',
  REQUIRES_UPGRADE: "it needs a higher Warp plan than the team's",
};

function reasonText(reason: string): string {
  return REASONS[reason] ?? 'the API says it is disabled';
}

function listed(items: string[]): string {
  const shown = items.slice(0, MAX_LISTED).join(', ');
  return items.length > MAX_LISTED ? `${shown} and ${items.length - MAX_LISTED} more` : shown || '(none)';
}

/** The candidate nearest to `value` by edit distance, when it is near enough to be a typo. */
export function closest(value: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue;
    const d = distance(value.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
