/**
 * A local simulator of the Oz Agent API (the Oz API spec: see docs/architecture.md), for the demo, the end-to-end tests and the
 * benchmark. Runs walk the documented states on a clock that can be sped up; the outcome of each run
 * is chosen by its metadata (`sim_outcome`), and faults can be injected. Not part of the action bundle.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { SIM_ENVIRONMENTS, SIM_MODELS, simSkills } from './catalogue.ts';
import { checkRunOptions, teamProblem } from './spec.ts';
import { harnessUsage, timeline } from './timeline.ts';
import { Waiters } from './waiters.ts';

/** How a run ends, chosen per run with the metadata key `sim_outcome`. */
export type SimOutcome = 'succeeded' | 'failed' | 'error' | 'blocked' | 'never' | 'unknown-state' | 'setup-failed';
const OUTCOMES: SimOutcome[] = ['succeeded', 'failed', 'error', 'blocked', 'never', 'unknown-state', 'setup-failed'];

/** A fault served instead of (or on top of) the normal answer, `count` times, to matching requests. */
export interface Fault {
  /** HTTP method to match; any when unset. */
  method?: string;
  /** Path prefix to match, e.g. `/agent/runs`; any when unset. */
  path?: string;
  /** Path suffix to match too, e.g. `/conversation`; any when unset. */
  suffix?: string;
  /**
   * - `status`: answer `status` (default 503) with a problem+json body, or HTML when `html` is set;
   * - `reset`: destroy the connection without answering;
   * - `slow`: wait `delayMs` before answering normally;
   * - `lost-create`: create the run, then destroy the connection (the answer is lost);
   * - `lost-answer`: accept the follow-up, then destroy the connection (its answer is lost);
   * - `silent-create`: create the run and never answer (the client times out);
   * - `queued-create`: create the run, then answer 429 `resource_unavailable` (capacity full: Warp queued it);
   * - `body`: answer `status` (default 200) with `body` as it is (an empty or broken answer);
   * - `redirect`: answer `status` (default 302) with `Location: location`;
   * - `hang`: never answer, holding the connection open (on a download, path `/__download`: send the
   *   headers and the first bytes, then stall).
   */
  kind: 'status' | 'reset' | 'slow' | 'lost-create' | 'lost-answer' | 'silent-create' | 'queued-create' | 'body' | 'redirect' | 'hang';
  status?: number;
  retryAfter?: string;
  html?: boolean;
  /** For `status`: the error code the problem's type names (default by status). */
  code?: string;
  /** For `status`: spell the code in `type` as the spec does (`invalid_request`), not as the docs do (`invalid-request`). */
  underscore?: boolean;
  /** For `status`: put the request's Authorization header in the detail, as a careless server might. */
  echoAuth?: boolean;
  body?: string;
  location?: string;
  delayMs?: number;
  count?: number;
  /** Let this many matching requests through before the fault starts. */
  after?: number;
}

export interface SimulatorOptions {
  /** Real milliseconds per simulated second (1000 = real time; 20 = fifty times faster). Default 1000. */
  msPerSecond?: number;
  /** Simulated seconds spent in QUEUED, PENDING, CLAIMED and INPROGRESS. */
  phases?: { queued: number; pending: number; claimed: number; inprogress: number };
  /** Port to listen on (0 = any free one). */
  port?: number;
  /** Quiet unless set: a line per request. */
  log?: (line: string) => void;
}

/** Problem codes by status, when a fault or a check names none. */
const DEFAULT_CODES: Record<number, string> = {
  400: 'invalid_request',
  401: 'authentication_required',
  403: 'not_authorized',
  404: 'resource_not_found',
  409: 'conflict',
  410: 'resource_not_found',
  422: 'operation_not_supported',
  429: 'resource_unavailable',
  500: 'internal_error',
  502: 'internal_error',
  503: 'resource_unavailable',
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** What the simulator did: the status it answered, or the fault it served. */
  answer: number | string;
  at: number;
}

export interface SimRun {
  run: Record<string, unknown> & { run_id: string; state: string; metadata: Record<string, string> };
  /** When the current turn started: the run's phases are timed from here (a follow-up starts a new turn). */
  createdAt: number;
  outcome: SimOutcome;
  cancelledAt?: number;
  /** Turns that ended before the current one: what was asked, and the answer given. */
  history: { request: string; answer: string }[];
  /** What the current turn was asked (the prompt, then each follow-up). */
  request: string;
  /** Follow-ups received while the current turn was live, answered at its end. */
  pending: string[];
  /** When a follow-up last changed the run. */
  touchedAt?: number;
  /** The artifacts earlier turns left on the run: they stay listed, and a follow-up's own come after them. */
  earlier?: unknown[];
  /** Follow-ups that went to a debug agent in a failed run's kept session (the run stays FAILED). */
  debugTurns?: string[];
}

/** A signed download the simulator serves itself, as the API's storage would. */
interface SimDownload {
  content: Buffer;
  contentType: string;
  expiresAt: number;
}

const PHASES = { queued: 2, pending: 2, claimed: 1, inprogress: 10 };
const METADATA_KEY = /^[A-Za-z0-9._-]{1,64}$/;

export class OzSimulator {
  readonly runs = new Map<string, SimRun>();
  readonly requests: RecordedRequest[] = [];
  private faults: Fault[] = [];
  /** Final answers too long for a metadata value, by name: a run with `sim_answer_named=NAME` answers `answers.get(NAME)`. */
  readonly answers = new Map<string, string>();
  /** Answer the list endpoint as a server that honours no filter would: every run, newest first. */
  ignoreListFilters = false;
  /** Signed download URLs handed out by the artifact endpoint, by token. */
  private readonly downloads = new Map<string, SimDownload>();
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly msPerSecond: number;
  private readonly phases: typeof PHASES;
  private readonly log: (line: string) => void;
  private readonly port: number;
  private readonly waiters = new Waiters();
  url = '';

  constructor(options: SimulatorOptions = {}) {
    this.msPerSecond = options.msPerSecond ?? 1000;
    this.phases = options.phases ?? PHASES;
    this.log = options.log ?? (() => {});
    this.port = options.port ?? 0;
    this.server = createServer((req, res) => {
      this.handle(req, res)
        .catch((error: unknown) => {
          this.log(`simulator error: ${String(error)}`);
          if (!res.headersSent) this.problem(res, 500, String(error), { instance: req.url ?? '/' });
        })
        // Handled: the request's answer (or the fault served instead) is recorded now.
        .finally(() => this.waiters.changed());
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Starts listening on 127.0.0.1; resolves with the API base URL. */
  async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/api/v1`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Queues faults; each serves `count` (default 1) matching requests, in the order added. */
  inject(...faults: Fault[]): void {
    this.faults.push(...faults.map((f) => ({ count: 1, ...f })));
  }

  /** Forgets runs, requests and faults. */
  reset(): void {
    this.runs.clear();
    this.requests.length = 0;
    this.faults = [];
    this.ignoreListFilters = false;
    this.downloads.clear();
    this.answers.clear();
  }

  /**
   * Resolves once `check` holds for the requests recorded so far: checked now, and again each time a
   * request is recorded, handled (answered, or left hanging by a fault) or closed. For tests, to wait
   * on that event rather than poll on a clock.
   */
  waitFor(check: (requests: readonly RecordedRequest[]) => boolean): Promise<void> {
    return this.waiters.until(() => check(this.requests));
  }

  /** Requests to the API (not to the simulator's own /__sim endpoints). */
  apiRequests(method?: string, pathPrefix?: string): RecordedRequest[] {
    return this.requests.filter((r) => (!method || r.method === method) && (!pathPrefix || r.path.startsWith(pathPrefix)));
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const index = this.faults.findIndex(
      (f) => (!f.method || f.method === method) && (!f.path || path.startsWith(f.path)) && (!f.suffix || path.endsWith(f.suffix)),
    );
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    if ((fault.after ?? 0) > 0) {
      fault.after! -= 1;
      return undefined;
    }
    fault.count = (fault.count ?? 1) - 1;
    if (fault.count <= 0) this.faults.splice(index, 1);
    return fault;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim');
    const text = await readText(req);
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith('/__sim/')) return this.admin(method, url.pathname, text, res);
    if (url.pathname.startsWith('/__download/')) return this.serveDownload(req, url.pathname.slice('/__download/'.length), res);

    const path = url.pathname.replace(/^\/api\/v1/, '');
    const record: RecordedRequest = {
      method,
      path,
      query: url.search,
      headers: req.headers,
      body: parseJson(text),
      answer: 0,
      at: Date.now(),
    };
    this.requests.push(record);
    this.waiters.changed();
    res.on('finish', () => {
      if (record.answer === 0) record.answer = res.statusCode;
      this.log(`${method} ${path}${url.search} -> ${record.answer}`);
    });
    // Answered, reset or let go by the client: the request is over either way.
    res.on('close', () => this.waiters.changed());

    const fault = this.takeFault(method, path);
    if (fault?.kind === 'hang') {
      record.answer = 'hang';
      this.log(`${method} ${path} -> no answer (fault)`);
      return;
    }
    if (fault?.kind === 'reset') {
      record.answer = 'reset';
      this.log(`${method} ${path} -> connection reset (fault)`);
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));
    if (fault?.kind === 'status') {
      const status = fault.status ?? 503;
      record.answer = `${status} (fault)`;
      if (fault.retryAfter !== undefined) res.setHeader('Retry-After', fault.retryAfter);
      if (fault.html) {
        res.writeHead(status, { 'Content-Type': 'text/html' });
        res.end(`<html><head><title>${status}</title></head><body><h1>${status} Too busy</h1><p>Please slow down.</p></body></html>`);
      } else {
        const detail = fault.echoAuth ? `Injected by the simulator for ${req.headers.authorization ?? ''}` : 'Injected by the simulator';
        this.problem(res, status, detail, {
          retryable: status >= 500 || status === 429,
          code: fault.code,
          instance: url.pathname,
          underscore: fault.underscore,
        });
      }
      return;
    }
    if (fault?.kind === 'body') {
      record.answer = `${fault.status ?? 200} body (fault)`;
      res.writeHead(fault.status ?? 200, { 'Content-Type': 'application/json' });
      res.end(fault.body ?? '');
      return;
    }
    if (fault?.kind === 'redirect') {
      record.answer = `${fault.status ?? 302} redirect (fault)`;
      res.writeHead(fault.status ?? 302, { Location: fault.location ?? '' });
      res.end();
      return;
    }
    const instance = url.pathname;

    const auth = req.headers.authorization ?? '';
    if (!/^Bearer wk-\S+$/.test(auth)) {
      return this.problem(res, 401, 'A valid API key (Bearer wk-...) is required.', { instance });
    }

    // X-Warp-Team-Uid picks the team on the routes that take it; the others ignore it.
    const team = teamProblem(method, path, req.headers['x-warp-team-uid'], auth);
    if (team) return this.problem(res, team.status, team.detail, { instance });

    if (method === 'POST' && (path === '/agent/runs' || path === '/agent/run')) {
      const created = this.create(text, res, instance);
      if (created && fault?.kind === 'lost-create') {
        record.answer = 'lost-create';
        this.log(`POST ${path} -> run ${created} created, answer lost (fault)`);
        req.socket.destroy();
        return;
      }
      if (created && fault?.kind === 'queued-create') {
        record.answer = '429 queued-create';
        return this.problem(res, 429, 'Capacity is full; the task was queued and will be retried.', {
          instance,
          retryable: true,
          code: 'resource_unavailable',
        });
      }
      if (created && fault?.kind === 'silent-create') {
        record.answer = 'silent-create';
        this.log(`POST ${path} -> run ${created} created, no answer (fault)`);
        return;
      }
      if (created) this.json(res, 200, { run_id: created, task_id: created, state: 'QUEUED' });
      return;
    }
    if (method === 'GET' && path === '/agent/runs') return this.list(url.searchParams, res, instance);
    if (method === 'GET' && path === '/agent/models') return this.json(res, 200, SIM_MODELS);
    if (method === 'GET' && path === '/agent/environments') return this.json(res, 200, SIM_ENVIRONMENTS);
    if (method === 'GET' && path === '/agent') return this.json(res, 200, simSkills(url.searchParams.get('repo')));
    const read = /^\/agent\/runs\/([^/]+)$/.exec(path);
    if (method === 'GET' && read) {
      const run = this.view(decodeURIComponent(read[1]!));
      return run ? this.json(res, 200, run) : this.problem(res, 404, `No run with id ${read[1]}.`, { instance });
    }
    const cancel = /^\/agent\/runs\/([^/]+)\/cancel$/.exec(path);
    if (method === 'POST' && cancel) return this.cancel(decodeURIComponent(cancel[1]!), res, instance);
    const followup = /^\/agent\/runs\/([^/]+)\/followups$/.exec(path);
    if (method === 'POST' && followup) {
      const accepted = this.followup(decodeURIComponent(followup[1]!), text, res, instance, fault?.kind === 'lost-answer');
      if (accepted && fault?.kind === 'lost-answer') {
        record.answer = 'lost-answer';
        req.socket.destroy();
      }
      return;
    }
    const events = /^\/agent\/runs\/([^/]+)\/(timeline|harness-usage)$/.exec(path);
    if (method === 'GET' && events) return this.lifecycle(decodeURIComponent(events[1]!), events[2]!, res, instance);
    const conversation = /^\/agent\/runs\/([^/]+)\/conversation$/.exec(path);
    if (method === 'GET' && conversation) return this.conversation(decodeURIComponent(conversation[1]!), res, instance);
    const transcript = /^\/agent\/runs\/([^/]+)\/transcript$/.exec(path);
    if (method === 'GET' && transcript) return this.transcript(decodeURIComponent(transcript[1]!), res, instance);
    const artifact = /^\/agent\/artifacts\/([^/]+)$/.exec(path);
    if (method === 'GET' && artifact) return this.artifact(decodeURIComponent(artifact[1]!), res, instance);
    return this.problem(res, 404, `No route for ${method} ${path}.`, { instance });
  }

  private create(text: string, res: ServerResponse, instance: string): string | undefined {
    const bad = (detail: string) => this.problem(res, 400, detail, { instance });
    const body = parseJson(text);
    if (body === undefined) {
      bad('The request body is not valid JSON.');
      return undefined;
    }
    const b = body as Record<string, unknown>;
    const config = (typeof b.config === 'object' && b.config !== null ? b.config : {}) as Record<string, unknown>;
    // A hand-off that continues a conversation may omit the prompt.
    if (
      typeof b.prompt !== 'string' &&
      typeof b.skill !== 'string' &&
      !config.skill_spec &&
      !config.skills &&
      typeof b.conversation_id !== 'string'
    ) {
      bad('A prompt or a skill is required.');
      return undefined;
    }
    if (b.mode !== undefined && !['normal', 'plan', 'orchestrate'].includes(b.mode as string)) {
      bad('mode must be one of normal, plan, orchestrate.');
      return undefined;
    }
    if (config.skill_spec !== undefined && config.skills !== undefined) {
      bad('config.skill_spec and config.skills are mutually exclusive.');
      return undefined;
    }
    const invalid = checkRunOptions(b, config);
    if (invalid) {
      bad(invalid);
      return undefined;
    }
    const metadata = (b.metadata ?? {}) as Record<string, unknown>;
    const problem = checkMetadata(metadata);
    if (problem) {
      bad(problem);
      return undefined;
    }
    const outcome = (metadata.sim_outcome as SimOutcome | undefined) ?? 'succeeded';
    if (!OUTCOMES.includes(outcome)) {
      bad(`sim_outcome must be one of ${OUTCOMES.join(', ')}.`);
      return undefined;
    }
    const id = randomUUID();
    const now = new Date().toISOString();
    const prompt =
      typeof b.prompt === 'string'
        ? b.prompt
        : typeof b.conversation_id === 'string' && b.skill === undefined
          ? `continue ${b.conversation_id}`
          : `skill ${String(b.skill ?? config.skill_spec)}`;
    this.runs.set(id, {
      createdAt: Date.now(),
      outcome,
      history: [],
      request: prompt,
      pending: [],
      run: {
        run_id: id,
        task_id: id,
        title: typeof b.title === 'string' ? b.title : prompt.slice(0, 60),
        prompt,
        state: 'QUEUED',
        created_at: now,
        updated_at: now,
        source: typeof metadata.sim_source === 'string' ? metadata.sim_source : 'API',
        execution_location: 'REMOTE',
        is_run_type_cancellable: true,
        metadata: metadata as Record<string, string>,
        agent_config: config,
        ...(typeof b.conversation_id === 'string' && { conversation_id: b.conversation_id }),
        ...(typeof b.parent_run_id === 'string' && { parent_run_id: b.parent_run_id }),
      },
    });
    return id;
  }

  /** The run as it stands now on the simulated clock. */
  private view(id: string): Record<string, unknown> | undefined {
    const sim = this.runs.get(id);
    if (!sim) return undefined;
    const { run } = sim;
    const s = (Date.now() - sim.createdAt) / this.msPerSecond;
    const p = this.phases;
    const at = (seconds: number) => new Date(sim.createdAt + seconds * this.msPerSecond).toISOString();
    let state = 'QUEUED';
    if (s >= p.queued) state = 'PENDING';
    if (s >= p.queued + p.pending) state = 'CLAIMED';
    if (s >= p.queued + p.pending + p.claimed) state = 'INPROGRESS';
    const started = p.queued + p.pending + p.claimed;
    // A run whose environment fails to set up ends as the agent would have started.
    const end = sim.outcome === 'setup-failed' ? started : started + p.inprogress;
    if (sim.outcome === 'unknown-state' && s >= started + p.inprogress / 2 && s < end) state = 'AWAITING_REVIEW';
    if (s >= end && sim.outcome !== 'never') state = terminalState(sim.outcome);
    if (sim.cancelledAt !== undefined) state = 'CANCELLED';

    // updated_at moves when the run changes (a new state, a follow-up), not on every read.
    const phaseStarts: Record<string, number> = { QUEUED: 0, PENDING: p.queued, CLAIMED: p.queued + p.pending, INPROGRESS: started };
    const stateSince =
      sim.cancelledAt ??
      sim.createdAt + (phaseStarts[state] ?? (state === 'AWAITING_REVIEW' ? started + p.inprogress / 2 : end)) * this.msPerSecond;
    const updatedAt = Math.max(stateSince, sim.touchedAt ?? 0, Date.parse(run.created_at as string));
    const view: Record<string, unknown> = { ...run, state, updated_at: new Date(updatedAt).toISOString() };
    if (s >= p.queued + p.pending) {
      view.session_id = `sess-${id.slice(0, 8)}`;
      view.session_link = `${this.url.replace(/\/api\/v1$/, '')}/session/${id}`;
      view.conversation_id ??= `conv-${id.slice(0, 8)}`;
      view.started_at = at(p.queued + p.pending);
      const ran = Math.max(0, Math.min(s, end) - started);
      view.run_time = `PT${Math.floor(ran / 60)}M${Math.round(ran % 60)}S`;
      view.is_sandbox_running = state === 'CLAIMED' || state === 'INPROGRESS';
    }
    const knobs = run.metadata;
    const artifactsDelayMs = Number(knobs.sim_artifacts_delay_ms ?? 0);
    const artifactsDue = Date.now() >= sim.createdAt + end * this.msPerSecond + artifactsDelayMs;
    const turn = sim.history.length;
    if (state === 'SUCCEEDED' && artifactsDue && turn === 0) {
      const repo = run.metadata.github_repository ?? 'example/repo';
      view.artifacts = [
        {
          artifact_type: 'PLAN',
          created_at: at(end),
          data: { document_uid: 'doc-1', title: 'Fix the flaky test', url: 'https://app.warp.dev/drive/doc-1' },
        },
        {
          artifact_type: 'PULL_REQUEST',
          created_at: at(end),
          data: { url: `https://github.com/${repo}/pull/42`, branch: 'oz/fix-flaky-test' },
        },
      ];
      (view.artifacts as { data: Record<string, unknown> }[])[0]!.data.document_uid = `${id.slice(0, 8)}-plan`;
      (view.artifacts as unknown[]).push(...this.fileArtifacts(id, at(end)));
      view.status_message = { message: 'Opened a pull request with the fix.' };
    } else if (state === 'SUCCEEDED') {
      view.status_message = { message: 'Opened a pull request with the fix.' };
    } else if (state === 'FAILED' && sim.outcome === 'setup-failed') {
      const status = this.setupFailed(sim, at(end));
      view.status_message = status;
      if (status.session_debug_until !== undefined) view.debug_agent_available = true;
    } else if (state === 'FAILED') {
      view.status_message = {
        message: 'The environment failed to set up: `npm ci` exited 1.',
        error_code: 'environment_setup_failed',
        retryable: false,
      };
    } else if (state === 'ERROR') {
      view.status_message = { message: 'The agent crashed: internal error.', error_code: 'internal_error', retryable: true };
    } else if (state === 'BLOCKED') {
      view.status_message = { message: 'The agent needs approval to push to a protected branch.' };
    } else if (state === 'CANCELLED') {
      view.status_message = { message: 'Cancelled through the API.' };
    }
    if (turn > 0) {
      const own = state === 'SUCCEEDED' && artifactsDue ? this.followupArtifacts(sim, turn, at(end)) : [];
      view.artifacts = [...structuredClone(sim.earlier ?? []), ...own];
    }
    // Knobs for tests of hostile or huge answers, chosen per run with metadata.
    if (view.status_message && knobs.sim_status_message !== undefined) {
      (view.status_message as Record<string, unknown>).message = knobs.sim_status_message;
    }
    if (view.status_message && knobs.sim_error_code !== undefined) {
      (view.status_message as Record<string, unknown>).error_code = knobs.sim_error_code;
    }
    if (view.status_message && knobs.sim_status_bytes !== undefined) {
      const message = (view.status_message as { message: string }).message;
      (view.status_message as Record<string, unknown>).message = message.padEnd(Number(knobs.sim_status_bytes), ' lorem ipsum');
    }
    if (knobs.sim_links === 'unsafe' && view.session_link) {
      view.session_link = 'javascript:alert(document.cookie)';
      for (const artifact of (view.artifacts ?? []) as { data: Record<string, unknown> }[]) {
        if (typeof artifact.data.url === 'string') artifact.data.url = 'javascript:alert(1)';
      }
    }
    const usage = usageAt(sim, state, ((sim.cancelledAt ?? Date.now()) - sim.createdAt) / this.msPerSecond - started, p.inprogress);
    // Third-party harnesses count no tokens here: harness-usage has them (see timeline.ts).
    if (usage && isThirdParty(run.agent_config)) delete usage.total_tokens;
    if (usage && sim.outcome !== 'setup-failed') view.request_usage = usage;
    // finished_at: when the run last reached a terminal state; null while it is live.
    const terminal = ['SUCCEEDED', 'FAILED', 'ERROR', 'BLOCKED', 'CANCELLED'].includes(state);
    view.finished_at = terminal ? new Date(sim.cancelledAt ?? sim.createdAt + end * this.msPerSecond).toISOString() : null;
    if (knobs.sim_finished_at === 'none') delete view.finished_at;
    for (const artifact of (view.artifacts ?? []) as { artifact_type: string; data: Record<string, unknown> }[]) {
      if (artifact.artifact_type === 'PULL_REQUEST') artifact.data.status ??= knobs.sim_pr_status ?? 'open';
    }
    return view;
  }

  /**
   * The status of a run whose environment failed to set up. With `sim_debug_window=open` its session is
   * kept (`session_debug_until`), and a follow-up starts a debug agent there without reopening the run.
   */
  private setupFailed(sim: SimRun, endedAt: string): Record<string, unknown> {
    const status: Record<string, unknown> = {
      message: 'The environment failed to set up: `npm ci` exited 1.',
      error_code: 'environment_setup_failed',
      retryable: false,
    };
    if (sim.run.metadata.sim_debug_window === 'open') {
      status.session_debug_until = new Date(Date.parse(endedAt) + 30 * 60_000).toISOString();
      if (sim.debugTurns !== undefined) status.debug_agent_active = true;
    }
    return status;
  }

  /** `GET /agent/runs/{id}/timeline` and `/harness-usage`: what happened before the agent spoke, and a third-party harness's tokens. */
  private lifecycle(id: string, what: string, res: ServerResponse, instance: string): void {
    const sim = this.runs.get(id);
    const view = this.view(id);
    if (!sim || !view) return this.problem(res, 404, `No run with id ${id}.`, { instance });
    const clock = { msPerSecond: this.msPerSecond, phases: this.phases };
    this.json(res, 200, what === 'timeline' ? timeline(sim, view, clock) : harnessUsage(sim, view, clock));
  }

  /** The agent's final answer for a turn of a run, as the knobs ask (`sim_answer`, `sim_answer_repeat`, `sim_answer_json`). */
  private answerOf(sim: SimRun, request: string, turn: number): string {
    const knobs = sim.run.metadata;
    // `sim_answer_named=NAME`: the answer to follow-up number N is `answers.get('NAME#N')` when set.
    const followupAnswer =
      turn > 0 && knobs.sim_answer_named !== undefined ? this.answers.get(`${knobs.sim_answer_named}#${turn}`) : undefined;
    if (turn > 0) return followupAnswer ?? `Done: ${request}`;
    if (sim.outcome === 'failed' && knobs.sim_answer === undefined && knobs.sim_answer_named === undefined)
      return 'I could not finish: the environment failed to set up (`npm ci` exited 1).';
    // Metadata values are one line: a backslash and "n" in `sim_answer` stand for a line break;
    // `sim_answer_repeat=N` makes the answer N copies (a long answer). `@prompt`: the agent answers
    // with its request, for answers longer than a metadata value may be.
    const named = knobs.sim_answer_named === undefined ? undefined : this.answers.get(knobs.sim_answer_named);
    let answer =
      named ??
      (knobs.sim_answer === '@prompt' ? request : knobs.sim_answer?.replaceAll('\\n', '\n').repeat(Number(knobs.sim_answer_repeat ?? 1))) ??
      'I fixed the flaky test: the login race in `src/auth.ts` now waits for the session. All tests pass.';
    if (knobs.sim_answer_json !== undefined) answer += `\n\n\`\`\`json\n${knobs.sim_answer_json}\n\`\`\``;
    if (sim.pending.length > 0) answer += `\n\nAlso handled: ${sim.pending.join('; ')}`;
    return answer;
  }

  /** FILE and SCREENSHOT artifacts of a SUCCEEDED run, as the knobs ask (`sim_files`, `sim_screenshots`, `sim_file_path`, `sim_file_path_repeat`). */
  private fileArtifacts(id: string, createdAt: string): unknown[] {
    const knobs = this.runs.get(id)!.run.metadata;
    const short = id.slice(0, 8);
    const bytes = Number(knobs.sim_file_bytes ?? 12);
    const files = Array.from({ length: Number(knobs.sim_files ?? 0) }, (_, i) => ({
      artifact_type: 'FILE',
      created_at: createdAt,
      data: {
        artifact_uid: `${short}-file-${i}`,
        filename: `report-${i}.txt`,
        filepath:
          i === 0 && knobs.sim_file_path !== undefined
            ? knobs.sim_file_path.repeat(Number(knobs.sim_file_path_repeat ?? 1))
            : `out/report-${i}.txt`,
        mime_type: 'text/plain',
        size_bytes: bytes,
      },
    }));
    const shots = Array.from({ length: Number(knobs.sim_screenshots ?? 0) }, (_, i) => ({
      artifact_type: 'SCREENSHOT',
      created_at: createdAt,
      data: { artifact_uid: `${short}-shot-${i}`, mime_type: 'image/png', description: `The login page, step ${i + 1}` },
    }));
    return [...files, ...shots];
  }

  /**
   * What follow-up number `turn` adds to the run's artifacts: `sim_followup_files=N` FILE artifacts of
   * its own, and with `sim_followup_pr` a pull request, `new` (another one) or `same` (the first turn's
   * listed again, as after a push to it). Nothing by default: the run keeps the earlier turns' only.
   */
  private followupArtifacts(sim: SimRun, turn: number, createdAt: string): unknown[] {
    const knobs = sim.run.metadata;
    const short = sim.run.run_id.slice(0, 8);
    const files = Array.from({ length: Number(knobs.sim_followup_files ?? 0) }, (_, i) => ({
      artifact_type: 'FILE',
      created_at: createdAt,
      data: {
        artifact_uid: `${short}-turn${turn}-file-${i}`,
        filename: `turn-${turn}-${i}.txt`,
        filepath: `out/turn-${turn}-${i}.txt`,
        mime_type: 'text/plain',
        size_bytes: Number(knobs.sim_file_bytes ?? 12),
      },
    }));
    const repo = knobs.github_repository ?? 'example/repo';
    const pr = knobs.sim_followup_pr;
    const number = pr === 'new' ? 42 + turn : 42;
    const branch = pr === 'new' ? `oz/follow-up-${turn}` : 'oz/fix-flaky-test';
    const pulls =
      pr === 'new' || pr === 'same'
        ? [{ artifact_type: 'PULL_REQUEST', created_at: createdAt, data: { url: `https://github.com/${repo}/pull/${number}`, branch } }]
        : [];
    return [...pulls, ...files];
  }

  /** The run a simulator artifact uid belongs to (uids start with the run id's first 8 characters). */
  private runOfArtifact(uid: string): SimRun | undefined {
    return [...this.runs.values()].find((r) => uid.startsWith(`${r.run.run_id.slice(0, 8)}-`));
  }

  private artifact(uid: string, res: ServerResponse, instance: string): void {
    const sim = this.runOfArtifact(uid);
    const view = sim ? this.view(sim.run.run_id) : undefined;
    const listed = ((view?.artifacts ?? []) as { artifact_type: string; created_at: string; data: Record<string, unknown> }[]).find(
      (a) => a.data.artifact_uid === uid || a.data.document_uid === uid,
    );
    if (!sim || !listed) return this.problem(res, 404, `No artifact ${uid}.`, { instance });
    if (listed.artifact_type === 'PLAN') {
      return this.json(res, 200, {
        artifact_uid: uid,
        artifact_type: 'PLAN',
        created_at: listed.created_at,
        data: {
          document_uid: uid,
          notebook_uid: `nb-${uid}`,
          title: listed.data.title,
          url: listed.data.url,
          content_type: 'text/markdown',
          content: `# ${String(listed.data.title)}\n\n1. Reproduce the failure.\n2. Fix the race in \`src/auth.ts\`.\n3. Run the tests.\n`,
        },
      });
    }
    const knobs = sim.run.metadata;
    const isShot = listed.artifact_type === 'SCREENSHOT';
    const size = Number(knobs.sim_file_bytes ?? 12);
    const content = isShot
      ? Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
      : Buffer.from(`report ${uid}\n`.padEnd(size, '.').slice(0, size));
    const token = randomUUID();
    const ttl = Number(knobs.sim_url_ttl_ms ?? 60_000);
    this.downloads.set(token, { content, contentType: isShot ? 'image/png' : 'text/plain', expiresAt: Date.now() + ttl });
    const origin = this.url.replace(/\/api\/v1$/, '');
    this.json(res, 200, {
      artifact_uid: uid,
      artifact_type: listed.artifact_type,
      created_at: listed.created_at,
      data: {
        download_url: `${origin}/__download/${token}`,
        expires_at: new Date(Date.now() + ttl).toISOString(),
        content_type: isShot ? 'image/png' : 'text/plain',
        ...(isShot
          ? { description: listed.data.description }
          : { filepath: listed.data.filepath, filename: listed.data.filename, size_bytes: size }),
      },
    });
  }

  /** A signed URL: it takes no Authorization header (the key must never come here) and expires. */
  private serveDownload(req: IncomingMessage, token: string, res: ServerResponse): void {
    const download = this.downloads.get(token);
    this.requests.push({
      method: req.method ?? 'GET',
      path: `/__download/${token}`,
      query: '',
      headers: req.headers,
      body: undefined,
      answer: 0,
      at: Date.now(),
    });
    const record = this.requests.at(-1)!;
    res.on('close', () => this.waiters.changed());
    if (req.headers.authorization !== undefined) {
      record.answer = 403;
      res.writeHead(403, { 'Content-Type': 'text/plain' });
      return void res.end('Signed URLs take no Authorization header.');
    }
    if (!download) {
      record.answer = 404;
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return void res.end('No such object.');
    }
    if (Date.now() > download.expiresAt) {
      record.answer = 403;
      res.writeHead(403, { 'Content-Type': 'text/plain' });
      return void res.end('Request has expired.');
    }
    record.answer = 200;
    res.writeHead(200, { 'Content-Type': download.contentType, 'Content-Length': download.content.length });
    if (this.takeFault(record.method, '/__download')?.kind === 'hang') {
      record.answer = 'hang';
      return void res.write(download.content.subarray(0, 1));
    }
    res.end(download.content);
  }

  /**
   * The run's conversation, growing while it works; 404 before it starts, with `sim_conversation=none`,
   * or with `sim_conversation=late` until the run ends. `sim_followup_answer=none`: follow-ups get no
   * text from the agent (only its actions).
   */
  private conversation(id: string, res: ServerResponse, instance: string): void {
    const sim = this.runs.get(id);
    const view = this.view(id);
    if (!sim || !view) return this.problem(res, 404, `No run with id ${id}.`, { instance });
    const state = view.state as string;
    const ended = ['SUCCEEDED', 'FAILED', 'ERROR', 'BLOCKED'].includes(state);
    const knob = sim.run.metadata.sim_conversation;
    // A run whose environment failed to set up never had an agent, so never a conversation.
    const noAgent = sim.outcome === 'setup-failed' && sim.history.length === 0;
    if (noAgent || knob === 'none' || (knob === 'late' && !ended) || (sim.history.length === 0 && ['QUEUED', 'PENDING'].includes(state))) {
      return this.problem(res, 404, 'The run has no conversation yet.', { instance });
    }
    const silent = (turn: number) => turn > 0 && sim.run.metadata.sim_followup_answer === 'none';
    const p = this.phases;
    const started = p.queued + p.pending + p.claimed;
    const s = (Date.now() - sim.createdAt) / this.msPerSecond;
    const text = (value: string) => ({ type: 'text', text: value });
    const action = (turn: number, n: number, name: string, input: Record<string, unknown>) => ({
      type: 'action',
      id: `t${turn}-a${n}`,
      category: name === 'run_command' ? 'command' : 'files',
      name,
      input,
    });
    const turnMessages = (turn: number, request: string, upTo: number, answer: string | undefined) => {
      const messages: unknown[] = [{ role: 'user', content: [text(request)] }];
      if (upTo >= started && !silent(turn))
        messages.push({
          role: 'assistant',
          message_ids: [`t${turn}-m1`],
          content: [text(`On it: ${request.split('\n')[0]!.slice(0, 60)}`)],
        });
      if (upTo >= started + p.inprogress * 0.25)
        messages.push({
          role: 'assistant',
          content: [action(turn, 1, 'run_command', { command: sim.run.metadata.sim_command ?? 'npm test' })],
        });
      if (upTo >= started + p.inprogress * 0.5)
        messages.push({ role: 'assistant', content: [action(turn, 2, 'edit_files', { files: [{ path: 'src/auth.ts' }] })] });
      if (answer !== undefined && !silent(turn))
        messages.push({ role: 'assistant', message_ids: [`t${turn}-final`], content: [text(answer)] });
      return messages;
    };
    const messages = sim.history.flatMap((turn, i) => turnMessages(i, turn.request, Number.POSITIVE_INFINITY, turn.answer));
    const turn = sim.history.length;
    messages.push(...turnMessages(turn, sim.request, s, ended ? this.answerOf(sim, sim.request, turn) : undefined));
    this.json(res, 200, {
      conversation_id: view.conversation_id,
      steps: [{ id: 'step-1', summary: 'The run', messages, steps: [] }],
    });
  }

  /** The raw transcript: a redirect to a signed, time-limited URL. */
  private transcript(id: string, res: ServerResponse, instance: string): void {
    const sim = this.runs.get(id);
    if (!sim) return this.problem(res, 404, `No run with id ${id}.`, { instance });
    const token = randomUUID();
    this.downloads.set(token, {
      content: Buffer.from(JSON.stringify({ run_id: id, turns: [...sim.history, { request: sim.request }] })),
      contentType: 'application/json',
      expiresAt: Date.now() + 60_000,
    });
    res.writeHead(302, { Location: `${this.url.replace(/\/api\/v1$/, '')}/__download/${token}` });
    res.end();
  }

  /**
   * A follow-up (the Oz API spec): to a live run it is answered at the end of the turn;
   * an ended run comes back to life, `sim_followup_pickup_ms` after the follow-up was accepted (until
   * then it reads as it did); a run that failed in setup with its debug window open keeps FAILED, and
   * a debug agent takes it. Answers `{ followup_id, outcome }` (`sim_followup_outcome` forces the
   * outcome; `legacy`: `{}`, as an older server did). Returns whether it was accepted; with `silent`,
   * the caller answers (or loses the answer).
   */
  private followup(id: string, text: string, res: ServerResponse, instance: string, silent = false): boolean {
    const sim = this.runs.get(id);
    const view = this.view(id);
    const refuse = (status: number, detail: string, code?: string) => {
      this.problem(res, status, detail, { instance, code });
      return false;
    };
    if (!sim || !view) return refuse(404, `No run with id ${id}.`);
    const body = parseJson(text) as { message?: unknown; mode?: unknown; attachments?: unknown } | undefined;
    const attachments = body?.attachments;
    if (attachments !== undefined && (!Array.isArray(attachments) || attachments.length > 25)) {
      return refuse(400, 'attachments must be an array of at most 25.');
    }
    // Their ids come from the prepare endpoint, which the simulator (like this project) does not use.
    if (Array.isArray(attachments) && attachments.length > 0) return refuse(422, 'Unknown attachment id.', 'unknown_attachment');
    if (typeof body?.message !== 'string' || body.message.trim() === '') return refuse(400, 'message is required.');
    if (body.mode !== undefined && !['normal', 'plan', 'orchestrate'].includes(body.mode as string)) {
      return refuse(400, 'mode must be one of normal, plan, orchestrate.');
    }
    const outcome = this.takeFollowup(sim, view, body.message);
    const forced = sim.run.metadata.sim_followup_outcome;
    const said = forced ?? outcome;
    if (!silent) {
      this.json(res, 200, said === 'legacy' ? {} : { followup_id: said === 'queued_prompt' ? null : randomUUID(), outcome: said });
    }
    return true;
  }

  /** Delivers a follow-up as the run's state routes it; returns the outcome the API names. */
  private takeFollowup(sim: SimRun, view: Record<string, unknown>, message: string): string {
    const state = view.state as string;
    if (view.debug_agent_available === true) {
      // The debug agent works in the kept session: the run stays FAILED with the same message.
      (sim.debugTurns ??= []).push(message);
      return 'live_session';
    }
    if (['SUCCEEDED', 'FAILED', 'ERROR', 'BLOCKED', 'CANCELLED'].includes(state)) {
      const revive = () => {
        sim.earlier = (this.view(sim.run.run_id)?.artifacts as unknown[] | undefined) ?? [];
        sim.history.push({ request: sim.request, answer: this.answerOf(sim, sim.request, sim.history.length) });
        sim.request = message;
        sim.pending = [];
        sim.createdAt = sim.touchedAt = Date.now();
        delete sim.cancelledAt;
        // `sim_followup_never`: the follow-up's turn works until it is cancelled (a long turn).
        if (sim.run.metadata.sim_followup_never === 'true') sim.outcome = 'never';
      };
      const pickupMs = Number(sim.run.metadata.sim_followup_pickup_ms ?? 0);
      if (pickupMs > 0) setTimeout(revive, pickupMs).unref();
      else revive();
      return 'handoff_execution';
    }
    const now = Date.now();
    sim.pending.push(message);
    // `sim_end_on_followup`: a run that works until a follow-up comes, then ends as a normal one would.
    if (sim.run.metadata.sim_end_on_followup === 'true' && sim.outcome === 'never') {
      const p = this.phases;
      sim.outcome = 'succeeded';
      sim.createdAt = now - (p.queued + p.pending + p.claimed) * this.msPerSecond;
    }
    sim.touchedAt = now;
    return state === 'QUEUED' || state === 'PENDING' ? 'queued_prompt' : 'live_session';
  }

  private list(params: URLSearchParams, res: ServerResponse, instance: string): void {
    const limit = Number(params.get('limit') ?? 20);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
      return this.problem(res, 400, 'limit must be an integer from 1 to 500.', { instance });
    }
    const metadata: [string, string][] = [];
    for (const [key, value] of params) {
      const m = /^metadata\[(.+)\]$/.exec(key);
      if (m) metadata.push([m[1]!, value]);
    }
    if (metadata.length > 5) return this.problem(res, 400, 'At most 5 metadata filters.', { instance });
    if (this.ignoreListFilters) metadata.length = 0;
    const states = this.ignoreListFilters ? [] : params.getAll('state');
    const createdAfter = this.ignoreListFilters ? null : params.get('created_after');
    // Sorted as the API sorts: updated_at, newest first, unless asked otherwise.
    const sortBy = params.get('sort_by') ?? 'updated_at';
    const sortOrder = params.get('sort_order') ?? 'desc';
    if (!['updated_at', 'created_at', 'title', 'agent'].includes(sortBy) || !['asc', 'desc'].includes(sortOrder)) {
      return this.problem(res, 400, 'sort_by must be updated_at, created_at, title or agent; sort_order asc or desc.', { instance });
    }
    const name = this.ignoreListFilters ? null : params.get('name');
    const more = this.ignoreListFilters ? [] : this.documentedFilters(params);
    const all = [...this.runs.keys()]
      .map((id) => this.view(id)!)
      .filter((run) => states.length === 0 || states.includes(run.state as string))
      .filter((run) => name === null || (run.agent_config as Record<string, unknown>)?.name === name)
      .filter((run) => metadata.every(([k, v]) => (run.metadata as Record<string, string>)[k] === v))
      .filter((run) => createdAfter === null || String(run.created_at) > createdAfter)
      .filter((run) => more.every((keep) => keep(run)))
      .sort((a, b) => {
        const key = (run: Record<string, unknown>) => {
          const value = sortBy === 'agent' ? (run.agent_config as { name?: unknown } | undefined)?.name : run[sortBy];
          return typeof value === 'string' ? value : '';
        };
        const [x, y] = [key(a), key(b)];
        // Ties in the run id's order, so a page never depends on the order the runs were made in.
        const order = sortOrder === 'asc' ? x.localeCompare(y) : y.localeCompare(x);
        return order !== 0 ? order : String(a.run_id).localeCompare(String(b.run_id));
      });
    const offset = params.get('cursor') ? Number(Buffer.from(params.get('cursor')!, 'base64url').toString()) : 0;
    const page = all.slice(offset, offset + limit);
    const next = offset + limit < all.length;
    this.json(res, 200, {
      runs: page,
      page_info: { has_next_page: next, ...(next && { next_cursor: Buffer.from(String(offset + limit)).toString('base64url') }) },
    });
  }

  /**
   * The list filters the API documents besides state, name, metadata and created_after, each as a
   * test on a run: `created_before`, `updated_after`, `execution_location`, `source`, `model_id`,
   * `artifact_type`, `skill_spec` (and its alias `skill`), `schedule_id`, `ancestor_run_id` and `q`
   * (free text in the title or the prompt).
   */
  private documentedFilters(params: URLSearchParams): ((run: Record<string, unknown>) => boolean)[] {
    const filters: ((run: Record<string, unknown>) => boolean)[] = [];
    const when = (param: string, keep: (run: Record<string, unknown>, value: string) => boolean) => {
      const value = params.get(param);
      if (value !== null) filters.push((run) => keep(run, value));
    };
    const time = (value: unknown) => Date.parse(String(value));
    const config = (run: Record<string, unknown>) => (run.agent_config ?? {}) as Record<string, unknown>;
    when('created_before', (run, v) => time(run.created_at) < time(v));
    when('updated_after', (run, v) => time(run.updated_at) > time(v));
    when('execution_location', (run, v) => run.execution_location === v);
    when('source', (run, v) => run.source === v);
    when('model_id', (run, v) => config(run).model_id === v);
    when('artifact_type', (run, v) => ((run.artifacts ?? []) as { artifact_type?: unknown }[]).some((a) => a.artifact_type === v));
    for (const param of ['skill_spec', 'skill']) when(param, (run, v) => config(run).skill_spec === v);
    when('schedule_id', (run, v) => (run.schedule as { schedule_id?: unknown } | undefined)?.schedule_id === v);
    when('ancestor_run_id', (run, v) => this.ancestors(run).includes(v));
    when('q', (run, v) => `${String(run.title)}\n${String(run.prompt)}`.toLowerCase().includes(v.toLowerCase()));
    return filters;
  }

  /** The run ids above a run, through `parent_run_id`, nearest first. */
  private ancestors(run: Record<string, unknown>): string[] {
    const found: string[] = [];
    for (let parent = run.parent_run_id; typeof parent === 'string' && !found.includes(parent);) {
      found.push(parent);
      parent = this.runs.get(parent)?.run.parent_run_id;
    }
    return found;
  }

  private cancel(id: string, res: ServerResponse, instance: string): void {
    const current = this.view(id);
    const sim = this.runs.get(id);
    if (!current || !sim) return this.problem(res, 404, `No run with id ${id}.`, { instance });
    const state = current.state as string;
    if (['SUCCEEDED', 'FAILED', 'ERROR', 'BLOCKED', 'CANCELLED'].includes(state)) {
      return this.problem(res, 400, `The run has already ended (${state}).`, { instance });
    }
    if (state === 'PENDING') return this.problem(res, 409, 'The run is being scheduled; try again shortly.', { instance, retryable: true });
    sim.cancelledAt = Date.now();
    this.json(res, 200, id);
  }

  private admin(method: string, path: string, text: string, res: ServerResponse): void {
    if (method === 'POST' && path === '/__sim/faults') {
      const body = parseJson(text);
      const faults = Array.isArray(body) ? body : [body];
      this.inject(...(faults as Fault[]));
      return this.json(res, 200, { queued: this.faults.length });
    }
    if (method === 'GET' && path === '/__sim/requests')
      return this.json(
        res,
        200,
        this.requests.map(({ headers: _headers, ...r }) => r),
      );
    if (method === 'GET' && path === '/__sim/runs')
      return this.json(
        res,
        200,
        [...this.runs.keys()].map((id) => this.view(id)),
      );
    if (method === 'POST' && path === '/__sim/reset') {
      this.reset();
      return this.json(res, 200, {});
    }
    this.problem(res, 404, `No simulator endpoint ${method} ${path}.`, { instance: path });
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  /**
   * An error as the API writes it (the Oz API spec): the code only in the `type`
   * URL's last segment (`-` for `_`), `instance` the request path, `error` = `title (detail)`.
   */
  private problem(
    res: ServerResponse,
    status: number,
    detail: string,
    options: { instance: string; retryable?: boolean; code?: string | undefined; underscore?: boolean | undefined },
  ): void {
    const code = options.code ?? DEFAULT_CODES[status] ?? 'internal_error';
    const title = TITLES[status] ?? 'Error';
    res.writeHead(status, { 'Content-Type': 'application/problem+json' });
    res.end(
      JSON.stringify({
        type: `https://docs.warp.dev/reference/api-and-sdk/troubleshooting/errors/${options.underscore ? code : `${code.replaceAll('_', '-')}/`}`,
        title,
        status,
        detail,
        instance: options.instance,
        error: `${title} (${detail})`,
        retryable: options.retryable ?? false,
        trace_id: randomUUID().replaceAll('-', ''),
      }),
    );
  }
}

/** A run's usage at the end of its work; it grows in proportion while the run works. */
const FULL_USAGE = {
  inference_cost: 12.5,
  compute_cost: 3,
  platform_cost: 0.5,
  inference_cost_usd: 0.25,
  compute_cost_usd: 0.06,
  platform_cost_usd: 0.01,
  total_tokens: 48210,
};

/**
 * `request_usage` as the run stands: none before it works, growing while it works (past the full
 * figures for a run that never ends, so a budget can be passed), the full figures once it ended.
 * A cancelled run keeps what it had used when it was cancelled.
 */
function usageAt(sim: SimRun, state: string, workedSeconds: number, workSeconds: number): Record<string, number> | undefined {
  const cancelledEarly = sim.cancelledAt !== undefined;
  const ended = ['SUCCEEDED', 'FAILED', 'ERROR', 'BLOCKED'].includes(state) && !cancelledEarly;
  let share = ended ? 1 : Math.max(0, workedSeconds) / workSeconds;
  if (sim.outcome !== 'never') share = Math.min(1, share);
  if (!ended && share <= 0 && state !== 'CANCELLED') return undefined;
  const round = (value: number) => Math.round(value * 10_000) / 10_000;
  return Object.fromEntries(
    Object.entries(FULL_USAGE).map(([key, full]) => [key, key === 'total_tokens' ? Math.round(full * share) : round(full * share)]),
  );
}

/** Whether a run's config names a third-party harness (claude, codex, gemini). */
function isThirdParty(config: unknown): boolean {
  const type = (config as { harness?: { type?: unknown } } | undefined)?.harness?.type;
  return typeof type === 'string' && type !== 'oz';
}

function terminalState(outcome: SimOutcome): string {
  return {
    succeeded: 'SUCCEEDED',
    failed: 'FAILED',
    error: 'ERROR',
    blocked: 'BLOCKED',
    never: 'INPROGRESS',
    'unknown-state': 'SUCCEEDED',
    'setup-failed': 'FAILED',
  }[outcome];
}

function checkMetadata(metadata: Record<string, unknown>): string | undefined {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return 'metadata must be an object of strings.';
  const entries = Object.entries(metadata);
  if (entries.length > 20) return 'metadata may have at most 20 keys.';
  for (const [key, value] of entries) {
    if (!METADATA_KEY.test(key)) return `Invalid metadata key "${key}".`;
    if (typeof value !== 'string') return `metadata value of "${key}" must be a string.`;
    if (Buffer.byteLength(value, 'utf8') > 256 || value.includes('\0')) return `metadata value of "${key}" is too long or has NUL.`;
  }
  return undefined;
}

function parseJson(text: string): unknown {
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function readText(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
