import { writeFileSync } from 'node:fs';
import { messageOf } from '../errors.ts';
import type { RunItem } from '../oz/types.ts';
import { runWithStopHandling } from '../front/run.ts';
import { reportOf } from '../front/words.ts';
import { mergeMetadata } from '../oz/metadata.ts';
import { VERSION } from '../oz/version.ts';
import { dotenvReport } from './dotenv.ts';
import { activityLine, sessionLine, stateLine } from '../report/progress.ts';
import { redactAll, redactCredentials, redactor, type Redact } from '../report/redact.ts';
import { usageFigures } from '../oz/usage.ts';
import { reportArtifacts, type Report } from '../report/model.ts';
import { agentOutputs, runOutputs, usageOutputs } from '../report/outputs.ts';
import { renderSummary } from '../report/summary.ts';
import { plainText } from '../report/text.ts';
import type { LifecycleOptions } from '../run/lifecycle.ts';
import type { RunResult } from '../run/outcome.ts';
import { planOf, targetOf, type RunPlan } from '../run/plan.ts';
import { checkRunSettings, parseRunSettings } from '../settings/settings.ts';
import { readSettingText } from '../settings/primitives.ts';
import { parseCli, USAGE, type CliArgs } from './args.ts';
import { ciMetadata } from './ci.ts';
import { jsonResult } from './json.ts';
import { checkReportFiles } from './report-files.ts';
import { terminal, type LineKind } from './terminal.ts';
import { CLI_WORDS, flagLabel } from './vocabulary.ts';

/** Where the CLI writes: stdout for results, stderr for progress. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stderr is a terminal: colour and a live status line (see terminal.ts). */
  tty?: boolean;
  columns?: number;
}

export const EXIT = { succeeded: 0, notSucceeded: 1, notStarted: 2, sigint: 130, sigterm: 143 } as const;

/**
 * `oz-agent-run`: the action's start-watch-report loop for any other CI. Returns the exit code: 0 the
 * run succeeded (or started, with --no-wait), 1 it started and did not succeed, 2 no run could be
 * started, 130/143 after SIGINT/SIGTERM.
 */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
  io: CliIo = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    tty: process.stderr.isTTY,
    columns: process.stderr.columns,
  },
  options: LifecycleOptions = {},
): Promise<number> {
  const apiKey = (env.WARP_API_KEY ?? '').trim();
  const redact = redactor([apiKey]);
  // Progress is text from the API too: no escape sequences, and no secret.
  const say = (line: string) => io.stderr(`${redact(plainText(line))}\n`);

  const parsed = await readPlan(argv, env, apiKey, io, say);
  if (typeof parsed === 'number') return parsed;
  const { args, plan } = parsed;
  const { settings } = plan;

  const startedAt = Date.now();
  const term = terminal(io.stderr, { tty: io.tty === true, env, quiet: args.quiet, startedAt, ...(io.columns && { columns: io.columns }) });
  const tell = (line: string, kind?: LineKind) => term.line(redact(plainText(line)), kind);
  const agentLines = redactedProgress(term, tell, redact);
  const { metadata, dropped } = mergeMetadata(settings.userMetadata, ciMetadata(env));
  if (plan.target.kind === 'create' && dropped.length > 0) tell(`Run metadata is limited to 20 keys; left out: ${dropped.join(', ')}`);
  const debug = settings.debug ? (message: string) => tell(`debug: ${message}`) : undefined;
  let run: Awaited<ReturnType<typeof runWithStopHandling>>;
  try {
    run = await runWithStopHandling({
      plan,
      metadata,
      words: CLI_WORDS,
      say: { info: (message) => tell(message), warning: (message) => tell(`warning: ${message}`, 'warning'), ...(debug && { debug }) },
      onSignal: (signal) => tell(`Received ${signal}: stopping.`),
      events: {
        stateChange: agentLines.stateChange,
        sessionLink: (url) => {
          const line = sessionLine(url);
          if (line) tell(line);
        },
        ...(settings.logProgress && { activity: agentLines.activity }),
        ...(debug && { debug }),
      },
      options: { ...options, startedAt },
    });
  } finally {
    term.stop();
  }
  await agentLines.printed();
  return finishCli(args, plan, run.result, startedAt, run.signal, io, redact, tell);
}

/** Parses the flags into the run's plan; prints help, the version, or the error, and returns the exit code then. */
async function readPlan(
  argv: string[],
  env: Record<string, string | undefined>,
  apiKey: string,
  io: CliIo,
  say: (line: string) => void,
): Promise<{ args: CliArgs; plan: RunPlan } | number> {
  try {
    const args = parseCli(argv);
    if (args.help || args.version) {
      io.stdout(`${args.help ? USAGE : VERSION}\n`);
      return EXIT.succeeded;
    }
    checkReportFiles([
      { flag: '--summary-file', path: args.summaryFile },
      { flag: '--output-file', path: args.outputFile },
    ]);
    const settings = parseRunSettings(args.source, {
      apiKey,
      apiKeyLabel: 'WARP_API_KEY',
      missingApiKey: 'Missing WARP_API_KEY: set it in the environment (a flag would show the key in process lists and shell history).',
      workspace: process.cwd(),
      readFile: readSettingText,
      ...(args.metadata !== undefined && { metadata: args.metadata }),
      env,
    });
    await checkRunSettings(settings, flagLabel);
    // Without a trigger phrase the settings always name a target: parseRunSettings refuses a missing prompt.
    return { args, plan: planOf(settings, targetOf(settings)!) };
  } catch (error) {
    say(`oz-agent-run: ${messageOf(error)}`);
    return EXIT.notStarted;
  }
}

/**
 * The progress lines the agent or the API wrote (a run's title, what the agent did), searched for
 * credentials before they are printed, in order. A line that cannot be searched is not shown.
 */
function redactedProgress(term: ReturnType<typeof terminal>, tell: (line: string) => void, redact: Redact) {
  let pending: Promise<void> = Promise.resolve();
  const later = (ready: Promise<string>) => {
    pending = pending.then(() =>
      ready.then(tell, () => tell('(a line from the agent is not shown: it could not be checked for credentials)')),
    );
  };
  return {
    stateChange: (run: RunItem, previous: string | undefined, elapsedMs: number) =>
      later(
        redactAll({ title: run.title, line: stateLine(run, previous, elapsedMs) }, redact).then(({ title, line }) => {
          term.status(plainText(run.state), title === undefined ? undefined : plainText(title));
          return line;
        }),
      ),
    // Redacted whole, before activityLine shortens it: a cut-off key block would escape the detector.
    activity: (line: string, elapsedMs: number) => later(redactCredentials(line, redact).then((safe) => activityLine(safe, elapsedMs))),
    printed: () => pending,
  };
}

/** The end of a run: exit code, --json, report files, and the last line. */
async function finishCli(
  args: CliArgs,
  plan: RunPlan,
  result: RunResult,
  startedAt: number,
  signal: NodeJS.Signals | undefined,
  io: CliIo,
  redact: Redact,
  tell: (line: string, kind?: LineKind) => void,
): Promise<number> {
  const report: Report = await redactAll({ ...reportOf(result, plan.settings, CLI_WORDS), elapsedMs: Date.now() - startedAt }, redact);
  const outputs: Record<string, string> = {
    ...runOutputs(report.run, report.runId, undefined, reportArtifacts(report)),
    ...agentOutputs(report),
    ...usageOutputs(usageFigures(report.run?.request_usage, report.harnessTokens)),
  };
  const code = exitCode(report, signal, result.mayExist === true);
  if (args.json) io.stdout(`${redact(JSON.stringify(jsonResult(report, outputs, code)))}\n`);
  writeReportFiles(args, () => renderSummary(report, CLI_WORDS), outputs, redact, tell);

  if (signal !== undefined && (report.outcome === 'succeeded' || report.outcome === 'started')) {
    // The run is fine, but the stop cut short what came after it (its answer, its files): say so; the exit code says stopped.
    tell(`oz-agent-run: Oz run ${outputs.run_id} ${report.outcome}, but ${signal} stopped what came after it.`, 'warning');
  } else if (report.outcome === 'succeeded') {
    // As the action says it: the pull request is what a reader of the log wants next.
    tell(`Oz run ${outputs.run_id} succeeded.${outputs.pull_request_url ? ` Pull request: ${outputs.pull_request_url}` : ''}`, 'success');
  } else if (report.outcome === 'started') {
    // The id is what a later `--run-id` needs: on stdout, alone, unless --json printed it already.
    if (!args.json) io.stdout(`${redact(outputs.run_id!)}\n`);
  } else {
    tell(`oz-agent-run: ${describeFailure(report)}`, 'failure');
  }
  return code;
}

/** The exit code: a stop is 130/143 in every phase, and a run that may exist is never 2 (a wrapper may retry on 2). */
function exitCode(report: Report, signal: NodeJS.Signals | undefined, mayExist: boolean): number {
  if (signal === 'SIGINT') return EXIT.sigint;
  if (signal === 'SIGTERM') return EXIT.sigterm;
  if (report.outcome === 'succeeded' || report.outcome === 'started') return EXIT.succeeded;
  // Refused, or stopped before the create: no run started. A create whose answer was lost may have started one.
  return report.runId === undefined && !mayExist ? EXIT.notStarted : EXIT.notSucceeded;
}

function describeFailure(report: Report): string {
  const run = report.run;
  if (report.outcome === 'failed' && run) {
    const status = run.status_message;
    return `Oz run ${run.run_id} ended ${run.state}${status?.message ? `: ${status.message}` : ''}${status?.error_code ? ` [${status.error_code}]` : ''}`;
  }
  return `${report.runId ? `Oz run ${report.runId}: ` : ''}${report.note ?? 'the run did not succeed.'}`;
}

/** `--summary-file` and `--output-file`, with secrets taken out. */
function writeReportFiles(
  args: CliArgs,
  summary: () => string,
  outputs: Record<string, string>,
  redact: Redact,
  say: (line: string, kind?: LineKind) => void,
): void {
  // Each file on its own: one that cannot be written (checked before the run, but a disk can fill) never costs the other.
  const write = (flag: string, path: string | undefined, text: () => string) => {
    if (path === undefined) return;
    try {
      writeFileSync(path, text());
    } catch (error) {
      say(`warning: could not write ${flag} ${path}: ${messageOf(error)}`, 'warning');
    }
  };
  write('--summary-file', args.summaryFile, () => redact(summary()));
  write('--output-file', args.outputFile, () => dotenvReport(outputs, redact));
}
