/**
 * The simulator's run timeline and harness usage (the Oz API spec):
 * `GET /agent/runs/{id}/timeline` lists what happened before the agent spoke, on the run's simulated
 * clock; `GET /agent/runs/{id}/harness-usage` the raw token counts of a claude or codex run.
 */
import type { SimRun } from './server.ts';

interface Clock {
  msPerSecond: number;
  phases: { queued: number; pending: number; claimed: number; inprogress: number };
}

const END_EVENTS: Record<string, string> = {
  SUCCEEDED: 'oz_run_done',
  FAILED: 'oz_run_failed',
  ERROR: 'oz_run_errored',
  BLOCKED: 'oz_run_blocked',
  CANCELLED: 'oz_run_cancelled',
};

/**
 * The events of the current turn that have happened. A run that fails in setup stops where
 * `sim_setup_phase` says: `container` (no container), `session` (no session) or, by default, after
 * the session started and before the agent did.
 */
export function timeline(sim: SimRun, view: Record<string, unknown>, clock: Clock) {
  const { phases: p, msPerSecond } = clock;
  const claimed = p.queued + p.pending;
  const started = claimed + p.claimed;
  const steps: [string, number][] = [
    ['oz_run_created', 0],
    ['oz_run_claimed', claimed],
    ['worker_container_ready', claimed + p.claimed * 0.3],
    ['shared_session_started', claimed + p.claimed * 0.6],
    ['agent_started', started],
  ];
  if (sim.outcome === 'setup-failed') {
    const reached = { container: 2, session: 3 }[sim.run.metadata.sim_setup_phase ?? ''] ?? 4;
    steps.length = reached;
  }
  const now = (Date.now() - sim.createdAt) / msPerSecond;
  const events = steps.filter(([, at]) => at <= now).map(([type, at]) => event(sim, type, sim.createdAt + at * msPerSecond));
  const end = END_EVENTS[view.state as string];
  if (end !== undefined) {
    const endedAt = Date.parse(String(view.finished_at ?? view.updated_at));
    events.push(event(sim, end, endedAt, end === 'oz_run_failed' ? { error_code: 'environment_setup_failed' } : undefined));
  }
  return { events };
}

function event(sim: SimRun, type: string, at: number, payload?: Record<string, unknown>) {
  return {
    event_uuid: `${sim.run.run_id.slice(0, 8)}-${type}`,
    run_id: sim.run.run_id,
    execution_id: `exec-${sim.history.length}`,
    event_type: type,
    occurred_at: new Date(at).toISOString(),
    ...(payload && { payload }),
  };
}

/**
 * Harness usage: for a claude or codex run that has started, raw counts as the harness reports them
 * (Claude Code's usage fields; Codex's `total_token_usage`), growing while it works. `sim_harness_usage=none`:
 * not available.
 */
export function harnessUsage(sim: SimRun, view: Record<string, unknown>, clock: Clock) {
  const type = (view.agent_config as { harness?: { type?: unknown } } | undefined)?.harness?.type;
  const base = { run_id: sim.run.run_id, conversation_id: (view.conversation_id as string | undefined) ?? null };
  const { phases: p, msPerSecond } = clock;
  const worked = (Date.now() - sim.createdAt) / msPerSecond - (p.queued + p.pending + p.claimed);
  if ((type !== 'claude' && type !== 'codex') || worked <= 0 || sim.run.metadata.sim_harness_usage === 'none') {
    return { ...base, available: false };
  }
  const share = Math.min(1, worked / p.inprogress);
  const n = (full: number) => Math.round(full * share);
  const payload =
    type === 'claude'
      ? { input_tokens: n(30_000), output_tokens: n(4000), cache_read_input_tokens: n(10_000), cache_creation_input_tokens: n(2000) }
      : { total_token_usage: { input_tokens: n(30_000), cached_input_tokens: n(10_000), output_tokens: n(4000), total_tokens: n(34_000) } };
  return {
    ...base,
    available: true,
    age_seconds: 5,
    usage: { harness: type === 'claude' ? 'CLAUDE_CODE' : 'CODEX', snapshot: { coverage: 'complete', payload } },
  };
}
