/**
 * Runs the committed bundle the way the GitHub runner does: a Node process per step with the inputs as
 * `INPUT_*` (action.yml's defaults filled in), the `GITHUB_OUTPUT`, `GITHUB_STATE` and
 * `GITHUB_STEP_SUMMARY` files, and, for the post step, the main step's state as `STATE_*`.
 * Used by `npm run demo`, the end-to-end tests and the benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

export const ROOT = join(import.meta.dirname, '..');

interface ActionYaml {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string; post: string };
}

export function readActionYaml(): ActionYaml {
  return parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYaml;
}

/**
 * action.yml's input defaults as the runner passes them: `${{ github.token }}` becomes the job's token
 * (GITHUB_TOKEN in `env`, else empty).
 */
export function defaultInputs(env: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(readActionYaml().inputs).map(([name, spec]) => [
      name,
      (spec.default ?? '').replace(/\$\{\{\s*github\.token\s*\}\}/g, env.GITHUB_TOKEN ?? ''),
    ]),
  );
}

/** Parses a runner command file (`name<<delimiter` blocks, or `name=value` lines). */
export function parseCommandFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^<=]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      values[name!] = value.join('\n');
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return values;
}

export interface StepResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Everything the step printed (stdout and stderr, in order of arrival). */
  log: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  /** Milliseconds from spawning the process to its exit. */
  wallMs: number;
}

export interface StepOptions {
  /** `main` or `post` (the script named in action.yml's runs). */
  which?: 'main' | 'post';
  inputs?: Record<string, string>;
  /** The main step's state, for a post step. */
  state?: Record<string, string>;
  env?: Record<string, string>;
  /** Extra Node flags (the benchmark uses a preload). */
  nodeArgs?: string[];
  /** Called with the process once it is spawned, to signal it for example. */
  onSpawn?: (child: ChildProcess) => void;
  /**
   * Called with the process and the state saved so far each time the step writes its state file (a
   * file watch, not a timer), to stop the step once it has saved something, for example.
   */
  onState?: (state: Record<string, string>, child: ChildProcess) => void;
  /** Called with each chunk the step prints. */
  onOutput?: (text: string) => void;
  /**
   * Keys under `with:` that action.yml does not declare (a typo such as `api-key`): the runner passes
   * them as INPUT_<NAME> all the same, upper-cased, spaces as "_", hyphens kept.
   */
  undeclaredInputs?: Record<string, string>;
  /**
   * Timings to shorten, in milliseconds, handed to the bundle's entry as `--oz-test-timings=<JSON>`
   * (src/entrypoints/harness.ts; the runner passes no argument, so a workflow cannot): the main step
   * takes `progressIntervalMs` (the conversation reads and the comment's live edits, 15-60 s and 30 s)
   * and `githubRequestTimeoutMs` (10 s); the post step `budgetMs` (60 s) and `githubRequestTimeoutMs`.
   */
  timings?: { progressIntervalMs?: number; githubRequestTimeoutMs?: number; budgetMs?: number };
}

/** The step's environment as the runner gives it: the runner's variables, inputs with defaults, files. */
export function stepEnvironment(dir: string, options: StepOptions): Record<string, string> {
  const action = readActionYaml();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: dir,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_RUN_ID: '9000',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'Oz demo',
    GITHUB_JOB: 'agent',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_ACTOR: 'octocat',
  };
  for (const [name, value] of Object.entries(defaultInputs(options.env))) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = options.inputs?.[name] ?? value;
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    if (!(name in action.inputs)) throw new Error(`action.yml declares no input named ${name}`);
    env[`INPUT_${name.toUpperCase()}`] = value;
  }
  for (const [name, value] of Object.entries(options.undeclaredInputs ?? {})) {
    if (name in action.inputs) throw new Error(`action.yml declares ${name}: give it in inputs`);
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;
  return { ...env, ...options.env };
}

/** Runs one step of the bundle to its exit. */
export async function runStep(options: StepOptions = {}): Promise<StepResult> {
  const dir = mkdtempSync(join(tmpdir(), 'oz-runner-'));
  const env = stepEnvironment(dir, options);
  for (const file of [env.GITHUB_OUTPUT!, env.GITHUB_STATE!, env.GITHUB_STEP_SUMMARY!]) writeFileSync(file, '');
  const script = join(ROOT, readActionYaml().runs[options.which ?? 'main']);
  const started = performance.now();
  const args = options.timings ? [`--oz-test-timings=${JSON.stringify(options.timings)}`] : [];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, ...args], {
    env,
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  options.onSpawn?.(child);
  const watcher =
    options.onState && watch(env.GITHUB_STATE!, () => options.onState!(parseCommandFile(readFileSync(env.GITHUB_STATE!, 'utf8')), child));
  let log = '';
  const collect = (chunk: Buffer) => {
    log += chunk.toString();
    options.onOutput?.(chunk.toString());
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s])),
  );
  watcher?.close();
  return {
    code,
    signal,
    log,
    outputs: parseCommandFile(readFileSync(env.GITHUB_OUTPUT!, 'utf8')),
    state: parseCommandFile(readFileSync(env.GITHUB_STATE!, 'utf8')),
    summary: readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8'),
    wallMs: performance.now() - started,
  };
}

/** Runs the main step, then the post step with the state the main step saved, as the runner does. */
export async function runMainAndPost(options: StepOptions = {}): Promise<{ main: StepResult; post: StepResult }> {
  const main = await runStep({ ...options, which: 'main' });
  const { onSpawn: _spawn, onState: _state, ...rest } = options;
  const post = await runStep({ ...rest, which: 'post', state: main.state });
  return { main, post };
}
