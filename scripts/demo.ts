/**
 * `npm run demo`: the action's main job without a Warp account. Starts the Oz API simulator, runs the
 * committed dist/ bundle exactly as the GitHub runner does (main step, then post step), and shows what
 * a user would see: the log, the outputs and the job summary. Three runs: one that succeeds, one that
 * fails, and one whose workflow is cancelled while the agent works.
 */
import { runStep, type StepResult } from '../sim/runner.ts';
import { OzSimulator } from '../sim/server.ts';

const tty = process.stdout.isTTY;
const style = (code: string) => (text: string) => (tty ? `\x1b[${code}m${text}\x1b[0m` : text);
const bold = style('1');
const dim = style('2');
const cyan = style('36');
const red = style('31');
const green = style('32');

/** Renders the summary's Markdown for a terminal: headings, the key/value table, links as text. */
export function markdownForTerminal(markdown: string): string {
  const text = (s: string) =>
    s
      .replace(/\[([^\]]*)\]\(([^)]*)\)/g, (_, label: string, url: string) => (label === url ? url : `${label} <${url}>`))
      .replace(/\*\*(.+?)\*\*/g, (_, t: string) => bold(t))
      .replace(/<br>/g, '\n    ')
      .replace(/\\(.)/g, '$1')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/\u2060/g, '');
  const rows = markdown.split('\n').filter((l) => /^\| (?!---| \|)/.test(l));
  const width = Math.max(0, ...rows.map((l) => l.split(' | ')[0]!.length - 2));
  return markdown
    .split('\n')
    .flatMap((line) => {
      if (line.startsWith('## ')) return [bold(line.slice(3))];
      if (line.startsWith('### ')) return [bold(line.slice(4))];
      if (line === '| | |' || line === '| --- | --- |') return [];
      const row = /^\| (.*?) \| (.*) \|$/.exec(line);
      if (row) return [`  ${row[1]!.padEnd(width)}  ${text(row[2]!)}`];
      return [text(line)];
    })
    .join('\n');
}

function box(title: string, body: string): void {
  console.log(`\n${cyan(`┌─ ${title}`)}`);
  for (const line of body.trimEnd().split('\n')) console.log(`${cyan('│')} ${line}`);
  console.log(cyan('└─'));
}

function show(result: StepResult): void {
  const outputs = Object.entries(result.outputs)
    .map(([name, value]) => `${name.padEnd(17)} ${value.length > 100 ? `${value.slice(0, 97)}...` : value}`)
    .join('\n');
  box('Step outputs', outputs);
  box('Job summary', markdownForTerminal(result.summary));
}

/** Streams the step's log as the runner shows it, runner commands included. */
function logLine(chunk: string): void {
  for (const line of chunk.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('::debug::')) continue;
    if (line.startsWith('::error::')) console.log(`  ${red(`Error: ${line.slice(9)}`)}`);
    else if (line.startsWith('::warning::')) console.log(`  ${style('33')(`Warning: ${line.slice(11)}`)}`);
    else if (line.startsWith('::add-mask::')) console.log(`  ${dim('(the API key is masked from here on)')}`);
    else console.log(`  ${line}`);
  }
}

const sim = new OzSimulator({ msPerSecond: 250 });
const url = await sim.start();
const common = {
  warp_api_key: 'wk-demo-not-a-real-key',
  api_base_url: url,
  poll_interval_seconds: '0.5',
  max_poll_interval_seconds: '1.5',
};
console.log(bold('Oz agent action demo'));
console.log(dim(`Simulated Oz API at ${url} (time runs 4x faster); the bundle is dist/main/index.js, run as the runner runs it.`));

const checks: [string, boolean][] = [];
try {
  console.log(`\n${bold('1. An agent fixes a flaky test and opens a pull request')}\n`);
  // With a structured verdict and the agent's files saved in the workspace.
  const ok = await runStep({
    inputs: {
      ...common,
      prompt: 'Fix the flaky test in auth.spec.ts and open a pull request.',
      title: 'Fix flaky auth test',
      output_schema:
        '{"type": "object", "required": ["fixed"], "properties": {"fixed": {"type": "boolean"}, "tests": {"type": "integer"}}}',
      artifacts_path: 'oz-artifacts',
      metadata: 'sim_answer_json={"fixed": true, "tests": 214}\nsim_files=1',
    },
    onOutput: logLine,
  });
  console.log(`  ${ok.code === 0 ? green('✔ step succeeded') : red(`✘ step failed (exit ${ok.code})`)}`);
  show(ok);
  const post = await runStep({ which: 'post', inputs: common, state: ok.state });
  checks.push(['a run that succeeds passes the step', ok.code === 0 && ok.outputs.state === 'SUCCEEDED' && post.code === 0]);
  const files = JSON.parse(ok.outputs.downloaded_files || '[]') as string[];
  checks.push([
    "the agent's answer, its structured output and its files reach the outputs",
    ok.outputs.agent_output !== '' && ok.outputs.structured_output === '{"fixed":true,"tests":214}' && files.length === 2,
  ]);

  console.log(`\n${bold('2. A run that fails fails the step, saying why')}\n`);
  const failed = await runStep({
    inputs: { ...common, prompt: 'Upgrade the build image.', metadata: 'sim_outcome=failed' },
    onOutput: logLine,
  });
  console.log(
    `  ${failed.code === 1 ? green('✔ step failed, as it should: a required check on this job blocks the merge') : red('✘ step did not fail')}`,
  );
  checks.push(['a FAILED run fails the step', failed.code === 1 && failed.outputs.error_code === 'environment_setup_failed']);

  console.log(`\n${bold('3. The workflow is cancelled while the agent works: the run is cancelled too')}\n`);
  const cancelled = await runStep({
    inputs: { ...common, prompt: 'Refactor the payment module.', metadata: 'sim_outcome=never' },
    onOutput: logLine,
    onSpawn: (child) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('-> INPROGRESS')) {
          console.log(`  ${dim('(runner: workflow cancelled, sending SIGINT to the step)')}`);
          child.kill('SIGINT');
        }
      });
    },
  });
  const orphans = [...sim.runs.values()].filter((r) => r.outcome === 'never' && r.cancelledAt === undefined).length;
  console.log(`  ${orphans === 0 ? green('✔ no agent left running') : red(`✘ ${orphans} agent(s) left running`)}`);
  checks.push([
    'a cancelled workflow leaves no agent running',
    cancelled.code === 1 && cancelled.outputs.state === 'CANCELLED' && orphans === 0,
  ]);
} finally {
  await sim.stop();
}

const apiCalls = sim.requests.length;
console.log(`\n${bold('Summary')}  ${dim(`${apiCalls} API requests in all`)}`);
for (const [what, passed] of checks) console.log(`  ${passed ? green('✔') : red('✘')} ${what}`);
process.exitCode = checks.every(([, passed]) => passed) && checks.length === 4 ? 0 : 1;
