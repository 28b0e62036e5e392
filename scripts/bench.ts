/**
 * `npm run bench`: measures the committed bundle against the Oz API simulator and prints a table.
 *
 * - Pre-flight: start to create with a model set, the catalogue check on and off (what it adds).
 * - Start-up: from spawning the process to the simulator receiving the first API request, beside bare
 *   Node sending the same request (same method, path, headers and body) with `node:http(s)`, and
 *   beside the floor of the packages (scripts/bench-floor.js: `@actions/core` and
 *   `@actions/http-client` alone, bundled by ncc as the action is); medians of BENCH_ROUNDS rounds
 *   (default 15), taken in alternation so all three see the same machine.
 * - API requests for one watched run of 10 minutes with the default polling (5 s growing to 30 s),
 *   played 100 times faster: the simulator's clock and the poll intervals are scaled alike.
 * - Time from the run ending (the instant the simulator turns it terminal) to the step's exit.
 * - Peak memory (max RSS) of the main step, and the size of dist/.
 * - 50 steps started at the same instant, polling with the default schedule (5 s growing to 30 s,
 *   played 20 times faster): requests per second, and how evenly they arrive (the busiest 100 ms, 2 s
 *   at real speed, against the average, and the coefficient of variation of requests per 100 ms), beside the same
 *   with the schedule as it was before (jitter applied before the bounds).
 * - Redaction of a 1 MiB answer (report/redact.ts with the secretlint rules), with no credential and
 *   with 50. `npm run bench -- --redaction` measures only this, `npm run bench -- --startup` only the
 *   start-up.
 *
 * `npm run bench -- --write` also writes the table to docs/benchmark.md, which the README quotes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { cpus, loadavg, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import { OzClient } from '../src/oz/client.ts';
import { redactCredentials } from '../src/report/redact.ts';
import { PollSchedule, watchRun } from '../src/run/watch.ts';
import { ROOT, runStep, stepEnvironment, readActionYaml } from '../sim/runner.ts';
import { OzSimulator } from '../sim/server.ts';
import { bundleRows } from './bundle-sizes.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const loadAtStart = loadavg()[0]!;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const now = () => performance.timeOrigin + performance.now();

/** Spawns `args` and resolves with the milliseconds until the simulator saw its first request. */
async function timeToFirstRequest(sim: OzSimulator, args: string[], env: Record<string, string>): Promise<number> {
  const before = sim.requests.length;
  const started = now();
  const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
  await new Promise((resolve) => child.on('close', resolve));
  const first = sim.requests[before];
  if (!first) throw new Error(`${args.join(' ')} sent no request`);
  return first.at - started;
}

// Bare Node: the same create request, nothing else loaded.
const BARE = `
const url = new URL(process.env.BENCH_URL + '/agent/runs');
const body = JSON.stringify({ prompt: process.env.BENCH_PROMPT });
const req = require(url.protocol === 'https:' ? 'node:https' : 'node:http').request(url, {
  method: 'POST',
  headers: { authorization: 'Bearer ' + process.env.BENCH_KEY, 'content-type': 'application/json', accept: 'application/json' },
}, (res) => { res.resume(); res.on('end', () => process.exit(0)); });
req.end(body);
`;

/**
 * An HTTPS front for the simulator, as the real API is HTTPS: both the step and bare Node then load
 * TLS (and with it node:crypto) before their first request. Its certificate is made for the bench with
 * `openssl` (trusted through NODE_EXTRA_CA_CERTS); without openssl there is no HTTPS row.
 */
async function tlsFront(target: string): Promise<{ url: string; env: Record<string, string>; close: () => void } | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'oz-bench-tls-'));
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  const subject = ['-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1'];
  const made = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', ...subject],
    {
      stdio: 'ignore',
    },
  );
  if (made.status !== 0) return undefined;
  const { origin, pathname } = new URL(target);
  const server = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const forward = httpRequest(`${origin}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}${pathname.replace(/\/$/, '')}`,
    env: { NODE_EXTRA_CA_CERTS: cert },
    close: () => server.close(),
  };
}

/** The floor program bundled by ncc, as the build bundles the entries (a temporary folder). */
async function buildFloor(): Promise<string> {
  const { default: ncc } = await import('@vercel/ncc');
  const { code } = await ncc(join(ROOT, 'scripts', 'bench-floor.js'), { target: 'es2023', cache: false, quiet: true, transpileOnly: true });
  const dir = mkdtempSync(join(tmpdir(), 'oz-bench-floor-'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  writeFileSync(join(dir, 'index.js'), code);
  return join(dir, 'index.js');
}

async function startup(sim: OzSimulator, url: string, floor: string, extraEnv: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'oz-bench-'));
  const inputs = { warp_api_key: 'wk-bench', prompt: 'Benchmark prompt', api_base_url: url, wait: 'false' };
  const env = { ...stepEnvironment(dir, { inputs }), ...extraEnv };
  for (const file of [env.GITHUB_OUTPUT!, env.GITHUB_STATE!, env.GITHUB_STEP_SUMMARY!]) writeFileSync(file, '');
  const main = join(ROOT, readActionYaml().runs.main);
  const bareEnv = { PATH: env.PATH!, BENCH_URL: url, BENCH_KEY: 'wk-bench', BENCH_PROMPT: 'Benchmark prompt', ...extraEnv };
  // One of each first, unmeasured, so both start from a warm file cache.
  await timeToFirstRequest(sim, ['-e', BARE], bareEnv);
  await timeToFirstRequest(sim, [floor], env);
  await timeToFirstRequest(sim, [main], env);
  const bare: number[] = [];
  const packages: number[] = [];
  const action: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    bare.push(await timeToFirstRequest(sim, ['-e', BARE], bareEnv));
    packages.push(await timeToFirstRequest(sim, [floor], env));
    action.push(await timeToFirstRequest(sim, [main], env));
  }
  return { bare: median(bare), packages: median(packages), action: median(action) };
}

/** Spawns the main step and resolves with the milliseconds until the simulator saw its create. */
async function timeToCreate(sim: OzSimulator, main: string, env: Record<string, string>): Promise<number> {
  const before = sim.requests.length;
  const started = now();
  const child = spawn(process.execPath, [main], { env, stdio: 'ignore' });
  await new Promise((resolve) => child.on('close', resolve));
  const create = sim.requests.slice(before).find((r) => r.method === 'POST' && r.path === '/agent/runs');
  if (!create) throw new Error('the step sent no create');
  return create.at - started;
}

/** Start to create with a model set: the check before the run (preflight) against none, in alternation. */
async function preflightCost(sim: OzSimulator, url: string) {
  const main = join(ROOT, readActionYaml().runs.main);
  const envFor = (preflight: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'oz-bench-'));
    const inputs = { warp_api_key: 'wk-bench', prompt: 'Benchmark prompt', api_base_url: url, wait: 'false', model: 'gpt-5', preflight };
    const env = stepEnvironment(dir, { inputs });
    for (const file of [env.GITHUB_OUTPUT!, env.GITHUB_STATE!, env.GITHUB_STEP_SUMMARY!]) writeFileSync(file, '');
    return env;
  };
  const [checked, unchecked] = [envFor('true'), envFor('false')];
  await timeToCreate(sim, main, checked);
  const on: number[] = [];
  const off: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    on.push(await timeToCreate(sim, main, checked));
    off.push(await timeToCreate(sim, main, unchecked));
  }
  return { on: median(on), off: median(off) };
}

async function watchedRun() {
  // 10 simulated minutes in progress, at 100x: 10 ms per simulated second.
  const sim = new OzSimulator({ msPerSecond: 10, phases: { queued: 5, pending: 5, claimed: 5, inprogress: 600 } });
  const url = await sim.start();
  try {
    const result = await runStep({
      inputs: {
        warp_api_key: 'wk-bench',
        prompt: 'Benchmark prompt',
        api_base_url: url,
        poll_interval_seconds: '0.05',
        max_poll_interval_seconds: '0.3',
      },
    });
    if (result.code !== 0) throw new Error(`watched run failed:\n${result.log}`);
    return sim.requests.length;
  } finally {
    await sim.stop();
  }
}

async function endToExit() {
  // Real time, with short phases and a 1 s poll interval growing to 2 s.
  const phases = { queued: 0.5, pending: 0.5, claimed: 0.5, inprogress: 3 };
  const sim = new OzSimulator({ msPerSecond: 1000, phases });
  const url = await sim.start();
  const dir = mkdtempSync(join(tmpdir(), 'oz-bench-rss-'));
  const rssFile = join(dir, 'rss');
  const preload = join(dir, 'rss.cjs');
  writeFileSync(
    preload,
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));`,
  );
  try {
    const gaps: number[] = [];
    let rss = 0;
    for (let i = 0; i < 3; i++) {
      let exited = 0;
      const result = await runStep({
        inputs: {
          warp_api_key: 'wk-bench',
          prompt: 'Benchmark prompt',
          api_base_url: url,
          poll_interval_seconds: '1',
          max_poll_interval_seconds: '2',
        },
        nodeArgs: ['-r', preload],
        onSpawn: (child) => child.on('exit', () => (exited = now())),
      });
      if (result.code !== 0) throw new Error(`run failed:\n${result.log}`);
      const run = [...sim.runs.values()].at(-1)!;
      const ended = run.createdAt + (phases.queued + phases.pending + phases.claimed + phases.inprogress) * 1000;
      gaps.push(exited - ended);
      rss = Math.max(rss, Number(readFileSync(rssFile, 'utf8')) / 1024);
    }
    return { gap: median(gaps), worst: Math.max(...gaps), rss };
  } finally {
    await sim.stop();
  }
}

/** The schedule before it spread its pauses: ±15% jitter, then clamped to the bounds (so many pauses were exactly 5 s or 30 s). */
class ClampedAfterJitter extends PollSchedule {
  private count = 0;
  override next(): number {
    const base = Math.min(this.maxMs, this.minMs * this.factor ** this.count++);
    return Math.round(Math.min(this.maxMs, Math.max(this.minMs, base * (0.85 + 0.3 * Math.random()))));
  }
  override reset(): void {
    this.count = 0;
  }
}

/** 50 watch loops started together against the simulator; how their reads spread over time. */
async function parallelSteps(makeSchedule: (min: number, max: number) => PollSchedule) {
  const speed = 20;
  const steps = 50;
  const windowMs = 25_000;
  const sim = new OzSimulator({ msPerSecond: 1000 / speed, phases: { queued: 0, pending: 0, claimed: 0, inprogress: 100_000 } });
  const url = await sim.start();
  try {
    const client = new OzClient({ baseUrl: url, apiKey: 'wk-bench', userAgent: 'bench' });
    const ids = await Promise.all(Array.from({ length: steps }, () => client.createRunOnce({ prompt: 'parallel' })));
    const stop = new AbortController();
    const started = Date.now();
    const loops = ids.map(({ run_id }) =>
      watchRun({ client, runId: run_id, schedule: makeSchedule(5000 / speed, 30_000 / speed), signal: stop.signal }),
    );
    setTimeout(() => stop.abort(), windowMs);
    await Promise.all(loops);
    // Leave out the first 5 s (100 s at real speed): steps started at one instant read at once, whatever the jitter.
    const skip = 5000;
    const reads = sim.apiRequests('GET', '/agent/runs/').filter((r) => r.at - started >= skip && r.at - started < windowMs);
    const buckets = new Array<number>((windowMs - skip) / 100).fill(0);
    for (const r of reads) buckets[Math.floor((r.at - started - skip) / 100)]! += 1;
    const mean = reads.length / buckets.length;
    const sd = Math.sqrt(buckets.reduce((sum, b) => sum + (b - mean) ** 2, 0) / buckets.length);
    // The window is `speed` times shorter than the real time it stands for.
    return { perSecond: reads.length / (((windowMs - skip) / 1000) * speed), peak: Math.max(...buckets) / mean, cv: sd / mean };
  } finally {
    await sim.stop();
  }
}

const sim = new OzSimulator({ msPerSecond: 1000 });
/** A 1 MiB answer redacted, without and with credentials (medians of 5). */
async function redactionCost() {
  const prose = 'The agent fixed the flaky test in src/auth.ts and ran npm test; all 312 tests pass.\n';
  const clean = prose.repeat(Math.ceil(2 ** 20 / prose.length)).slice(0, 2 ** 20);
  const credential = (i: number) => `token ghp_${String(i).padStart(4, '0')}${'Ab1Cd2Ef3G'.repeat(3)}h4\n`;
  const step = Math.floor(clean.length / 50);
  const dirty = Array.from({ length: 50 }, (_, i) => clean.slice(i * step, (i + 1) * step - 50) + credential(i)).join('');
  const time = async (text: string) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      // A fresh string each round: redactCredentials remembers recent answers.
      await redactCredentials(`${i}${text}`);
      times.push(performance.now() - started);
    }
    return median(times);
  };
  await redactCredentials('warm up: load the rules once'.repeat(2));
  return { clean: await time(clean), dirty: await time(dirty) };
}

if (process.argv.includes('--redaction')) {
  const cost = await redactionCost();
  console.log(`| Redact a 1 MiB answer, no credential / 50 credentials | ${ms(cost.clean)} / ${ms(cost.dirty)} |`);
  process.exit(0);
}

const url = await sim.start();
const floor = await buildFloor();
const start = await startup(sim, url, floor);
const front = await tlsFront(url);
const overTls = front && (await startup(sim, front.url, floor, front.env));
front?.close();
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
const startRows: [string, string][] = [
  ['Start to first API request, action (median)', ms(start.action)],
  ['Start to first API request, bare Node (median)', ms(start.bare)],
  ['Start to first API request, `@actions/core` + `@actions/http-client` alone (median)', ms(start.packages)],
  ['Ratio action / bare Node', ratio(start.action, start.bare)],
  ['Ratio of those packages alone / bare Node (the floor with them)', ratio(start.packages, start.bare)],
  ['What the action adds to those packages at start', ms(start.action - start.packages)],
  ...(overTls
    ? ([
        [
          'Start to first API request over HTTPS, action / packages alone / bare Node (median)',
          `${ms(overTls.action)} / ${ms(overTls.packages)} / ${ms(overTls.bare)}`,
        ],
        ['Ratio over HTTPS, as against the real API: action / bare Node', ratio(overTls.action, overTls.bare)],
        ['Ratio over HTTPS: packages alone / bare Node', ratio(overTls.packages, overTls.bare)],
      ] as [string, string][])
    : [['Start-up over HTTPS', 'not measured: openssl is not installed'] as [string, string]]),
];
if (process.argv.includes('--startup')) {
  await sim.stop();
  for (const [name, value] of startRows) console.log(`| ${name} | ${value} |`);
  process.exit(0);
}
const checked = await preflightCost(sim, url);
await sim.stop();
const requests = await watchedRun();
const end = await endToExit();
const spread = await parallelSteps((min, max) => new PollSchedule(min, max));
const clamped = await parallelSteps((min, max) => new ClampedAfterJitter(min, max));
const redaction = await redactionCost();
const evenness = (s: typeof spread) => `busiest 2 s ${s.peak.toFixed(1)}x the mean, CV ${s.cv.toFixed(2)}`;

const rows: [string, string][] = [
  ...startRows,
  [
    'Start to create with model set, preflight on / off (median)',
    `${ms(checked.on)} / ${ms(checked.off)} (+${ms(checked.on - checked.off)})`,
  ],
  ['API requests, one 10-minute run at default polling', String(requests)],
  ['Run end to step exit (median of 3; poll interval 1-2 s)', `${ms(end.gap)} (worst ${ms(end.worst)})`],
  ['Peak memory of the main step (max RSS)', `${end.rss.toFixed(0)} MB`],
  ['50 parallel steps, API reads per second (at real-time speed)', `${spread.perSecond.toFixed(1)}`],
  ['50 parallel steps, how evenly reads arrive', evenness(spread)],
  ['The same before pauses were spread (jitter, then bounds)', evenness(clamped)],
  ...bundleRows(ROOT),
  ['Redact a 1 MiB answer, no credential / 50 credentials', `${ms(redaction.clean)} / ${ms(redaction.dirty)}`],
];
// The load when it started: start-up times move with it (the ratios much less).
const machine = `${cpus().length}-core ${platform()} machine, load average ${loadAtStart.toFixed(1)} at start`;
const output = [
  `Oz agent action benchmark: Node ${process.versions.node}, ${machine}, ${ROUNDS} rounds`,
  '',
  '| Measure | Value |',
  '| --- | --- |',
  ...rows.map(([name, value]) => `| ${name} | ${value} |`),
].join('\n');
console.log(output);
// `--write` keeps this output as docs/benchmark.md, the one place the README's figures are quoted from.
if (process.argv.includes('--write')) {
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const intro = [
    '# Benchmark output',
    '',
    `What \`npm run bench -- --write\` printed at commit ${commit || '(unknown)'}; the method is in`,
    '[architecture.md](architecture.md#benchmark). The README quotes its figures from here, and a test checks it.',
  ];
  writeFileSync(join(ROOT, 'docs', 'benchmark.md'), `${[...intro, '', output].join('\n')}\n`);
}
