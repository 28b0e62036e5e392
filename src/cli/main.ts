import { readFileSync, writeFileSync } from 'node:fs';
import { describeRequest, OzClient, type RequestRecord } from '../oz/client.ts';
import type { RunItem } from '../oz/types.ts';
import { mergeMetadata } from '../oz/metadata.ts';
import { CLI_USER_AGENT, VERSION } from '../oz/version.ts';
import { dotenvReport } from './dotenv.ts';
import { activityLine, sessionLine, stateLine } from '../report/progress.ts';
import { redactAll, redactCredentials, redactor, type Redact } from '../report/redact.ts';
import { usageFigures } from '../oz/usage.ts';
import { agentOutputs, usageOutputs, renderSummary, runOutputs, type Report } from '../report/summary.ts';
import { plainText } from '../report/text.ts';
import { startAndWatch, type LifecycleOptions, type RunResult } from '../run/lifecycle.ts';
import { checkRunSettings, parseRunSettings, type RunSettings } from '../run/settings.ts';
import { stopOnSignalsAndDeadline } from '../run/stop.ts';
import { flagLabel, parseCli, USAGE, type CliArgs } from './args.ts';
import { ciMetadata } from './ci.ts';
import { jsonResult } from './json.ts';
import { checkReportFiles } from './report-files.ts';
import { terminal, type LineKind } from './terminal.ts';

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

  let args: CliArgs;
  let settings: RunSettings;
  try {
    args = parseCli(argv, env);
    if (args.help) {
      io.stdout(`${USAGE}\n`);
      return EXIT.succeeded;
    }
    if (args.version) {
      io.stdout(`${VERSION}\n`);
      return EXIT.succeeded;
    }
    checkReportFiles([
      { flag: '--summary-file', path: args.summaryFile },
      { flag: '--output-file', path: args.outputFile },
    ]);
    settings = parseRunSettings(args.source, {
      apiKey,
      apiKeyLabel: 'WARP_API_KEY',
      missingApiKey: 'Missing WARP_API_KEY: set it in the environment (a flag would show the key in process lists and shell history).',
      workspace: process.cwd(),
      readFile: (path) => readFileSync(path, 'utf8'),
      ...(args.metadata !== undefined && { metadata: args.metadata }),
    });
    await checkRunSettings(settings, flagLabel);
  } catch (error) {
    say(`oz-agent-run: ${(error as Error).message}`);
    return EXIT.notStarted;
  }

  const startedAt = Date.now();
  const term = terminal(io.stderr, { tty: io.tty === true, env, quiet: args.quiet, startedAt, ...(io.columns && { columns: io.columns }) });
  const tell = (line: string, kind?: LineKind) => term.line(redact(plainText(line)), kind);
  const agentLines = redactedProgress(term, tell, redact);
  const stop = stopOnSignalsAndDeadline(settings.timeoutMs, (signal) => tell(`Received ${signal}: stopping.`));
  const { metadata, dropped } = mergeMetadata(settings.userMetadata, ciMetadata(env));
  if (settings.create && dropped.length > 0) tell(`Run metadata is limited to 20 keys; left out: ${dropped.join(', ')}`);
  const client = new OzClient({
    baseUrl: settings.apiBaseUrl,
    apiKey,
    userAgent: CLI_USER_AGENT,
    onRetry: ({ what, attempt, delayMs, error }) =>
      tell(`${what}: try ${attempt} failed (${error.message}); trying again in ${(delayMs / 1000).toFixed(1)} s`),
    ...(settings.debug && { onRequest: (record: RequestRecord) => tell(`debug: Oz API: ${describeRequest(record)}`) }),
  });
  let result: RunResult;
  try {
    result = await startAndWatch(
      client,
      settings,
      metadata,
      stop.signal,
      {
        info: (message) => tell(message),
        warning: (message) => tell(`warning: ${message}`, 'warning'),
        stateChange: agentLines.stateChange,
        sessionLink: (url) => {
          const line = sessionLine(url);
          if (line) tell(line);
        },
        ...(settings.logProgress && { activity: agentLines.activity }),
        ...(settings.debug && { debug: (message: string) => tell(`debug: ${message}`) }),
      },
      {
        ...options,
        label: flagLabel,
        off: (name) => `${flagLabel(name)} is set`,
        cancelled: 'The run was interrupted',
        startedAt,
        userAgent: CLI_USER_AGENT,
      },
    );
  } finally {
    stop.dispose();
    term.stop();
  }
  await agentLines.printed();
  return finishCli(args, result, startedAt, stop.received(), io, redact, tell);
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
  result: RunResult,
  startedAt: number,
  signal: NodeJS.Signals | undefined,
  io: CliIo,
  redact: Redact,
  tell: (line: string, kind?: LineKind) => void,
): Promise<number> {
  const { settled: _settled, ...rest } = result;
  const report: Report = await redactAll({ ...rest, elapsedMs: Date.now() - startedAt }, redact);
  const outputs: Record<string, string> = {
    ...runOutputs(report.run, report.runId),
    ...agentOutputs(report),
    ...usageOutputs(usageFigures(report.run?.request_usage)),
  };
  const code = exitCode(report, signal);
  if (args.json) io.stdout(`${redact(JSON.stringify(jsonResult(report, outputs, code)))}\n`);
  writeReportFiles(args, report, outputs, redact, tell);

  if (report.outcome === 'succeeded') {
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

function exitCode(report: Report, signal: NodeJS.Signals | undefined): number {
  if (report.outcome === 'succeeded' || report.outcome === 'started') return EXIT.succeeded;
  if (signal === 'SIGINT') return EXIT.sigint;
  if (signal === 'SIGTERM') return EXIT.sigterm;
  // Refused, or stopped before the create: no run started.
  return report.runId === undefined ? EXIT.notStarted : EXIT.notSucceeded;
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
  report: Report,
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
      say(`warning: could not write ${flag} ${path}: ${(error as Error).message}`, 'warning');
    }
  };
  write('--summary-file', args.summaryFile, () => redact(renderSummary(report)));
  write('--output-file', args.outputFile, () => dotenvReport(outputs, redact));
}
