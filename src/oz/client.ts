import { isBadAnswer, OzBadAnswerError } from './errors.ts';
import { describeBody, HttpTransport, isObject, type CallLimits, type Expected, type RetryPolicy, type TransportOptions } from './http.ts';
import type {
  ArtifactDetail,
  Conversation,
  CreateRunRequest,
  CreateRunResponse,
  EnvironmentList,
  ModelList,
  SkillList,
  FollowupAnswer,
  HarnessUsage,
  Timeline,
  FollowupRequest,
  ListRunsResponse,
  RunItem,
} from './types.ts';

/** How to reach the API: its address, the key, and how the transport retries and reports (see http.ts). */
export interface OzClientOptions extends Omit<TransportOptions, 'headersFor'> {
  /**
   * The team a personal key acts for: sent as `X-Warp-Team-Uid` on the requests that take it (the
   * create, and the runs, environments and skills lists), and on no other.
   */
  team?: string;
}

/** The requests the API reads `X-Warp-Team-Uid` on (the Oz API spec), by method and path without query. */
export function takesTeam(method: string, path: string): boolean {
  if (method === 'POST') return path === '/agent/runs' || path === '/agent/run';
  return path === '/agent/runs' || path === '/agent/environments' || path === '/agent';
}

/** Filters of `GET /agent/runs`. */
export interface ListRunsQuery {
  limit?: number;
  cursor?: string;
  state?: string[];
  name?: string;
  metadata?: Record<string, string>;
}

/** What each read answers, at the least: anything else is a bad answer, retried like a 5xx. */
const A_RUN: Expected = {
  what: 'a run',
  // A run has at least an id and a state.
  isValid: (a) => typeof a.run_id === 'string' && typeof a.state === 'string' && a.state !== '',
};
const A_RUN_LIST: Expected = {
  what: 'a list of runs',
  isValid: (a) => Array.isArray(a.runs) && a.runs.every((r) => isObject(r) && typeof r.run_id === 'string'),
};
const A_CONVERSATION: Expected = { what: 'a conversation', isValid: (a) => Array.isArray(a.steps) };
const A_TIMELINE: Expected = {
  what: 'a timeline',
  isValid: (a) => Array.isArray(a.events) && a.events.every((e) => isObject(e) && typeof e.event_type === 'string'),
};
const HARNESS_USAGE: Expected = { what: 'harness usage', isValid: (a) => typeof a.available === 'boolean' };
const AN_ARTIFACT: Expected = { what: 'an artifact', isValid: (a) => isObject(a.data) };
const A_MODEL_LIST: Expected = { what: 'a list of models', isValid: (a) => Array.isArray(a.models) };
const AN_ENVIRONMENT_LIST: Expected = { what: 'a list of environments', isValid: (a) => Array.isArray(a.environments) };
const A_SKILL_LIST: Expected = { what: 'a list of skills', isValid: (a) => Array.isArray(a.agents) };

/** Reads that are tried once: a catalogue check's failure is not worth a wait. */
const ONCE: CallLimits = { retries: 0 };

/**
 * The Oz Agent API's endpoints, one method each (see the Oz API spec for what they answer). How a
 * request travels (the key, deadlines, retries, what a failure becomes) is the transport's, in http.ts.
 */
export class OzClient {
  private readonly http: HttpTransport;

  constructor(options: OzClientOptions) {
    const { team } = options;
    this.http = new HttpTransport({
      ...options,
      ...(team !== undefined && {
        headersFor: (method: string, path: string): Record<string, string> => (takesTeam(method, path) ? { 'X-Warp-Team-Uid': team } : {}),
      }),
    });
  }

  /** How the transport retries, after the options' overrides. */
  get policy(): RetryPolicy {
    return this.http.policy;
  }

  /** One try of `POST /agent/runs`, without retries: a retried create could start a second agent (see run/create.ts). */
  async createRunOnce(body: CreateRunRequest, signal?: AbortSignal): Promise<CreateRunResponse> {
    const answer = await this.http.request('POST', '/agent/runs', body, signal);
    if (!isObject(answer) || typeof answer.run_id !== 'string' || answer.run_id === '') {
      throw new OzBadAnswerError('POST', '/agent/runs', 200, `no run_id: ${describeBody(answer)}`);
    }
    return answer as unknown as CreateRunResponse;
  }

  /** `GET /agent/runs/{id}`, with retries. */
  getRun(runId: string, signal?: AbortSignal): Promise<RunItem> {
    return this.http.get<RunItem>(`/agent/runs/${encodeURIComponent(runId)}`, A_RUN, signal);
  }

  /** `GET /agent/runs` with its filters, with retries. */
  listRuns(query: ListRunsQuery = {}, signal?: AbortSignal): Promise<ListRunsResponse> {
    const params = new URLSearchParams();
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    if (query.cursor !== undefined) params.set('cursor', query.cursor);
    if (query.name !== undefined) params.set('name', query.name);
    for (const state of query.state ?? []) params.append('state', state);
    for (const [key, value] of Object.entries(query.metadata ?? {})) params.set(`metadata[${key}]`, value);
    const path = `/agent/runs${params.size > 0 ? `?${params.toString()}` : ''}`;
    return this.http.get<ListRunsResponse>(path, A_RUN_LIST, signal);
  }

  /**
   * The run's normalized conversation. A 404 (no conversation yet) or 422 (a format the API cannot
   * normalize) is final: the caller decides what that means to it. `limits` bound a read that must
   * not hold up anything else (live progress).
   */
  getConversation(runId: string, signal?: AbortSignal, limits?: CallLimits): Promise<Conversation> {
    return this.http.get<Conversation>(`/agent/runs/${encodeURIComponent(runId)}/conversation`, A_CONVERSATION, signal, limits);
  }

  /** The run's timeline: what happened before the agent spoke. `limits` bound a read beside the watch. */
  getTimeline(runId: string, signal?: AbortSignal, limits?: CallLimits): Promise<Timeline> {
    return this.http.get<Timeline>(`/agent/runs/${encodeURIComponent(runId)}/timeline`, A_TIMELINE, signal, limits);
  }

  /** The raw token counts of a Claude Code or Codex run. */
  getHarnessUsage(runId: string, signal?: AbortSignal, limits?: CallLimits): Promise<HarnessUsage> {
    return this.http.get<HarnessUsage>(`/agent/runs/${encodeURIComponent(runId)}/harness-usage`, HARNESS_USAGE, signal, limits);
  }

  /** One artifact: for FILE and SCREENSHOT a signed, time-limited `download_url`; for PLAN its markdown. */
  getArtifact(uid: string, signal?: AbortSignal): Promise<ArtifactDetail> {
    return this.http.get<ArtifactDetail>(`/agent/artifacts/${encodeURIComponent(uid)}`, AN_ARTIFACT, signal);
  }

  /** `GET /agent/models`: the models this key may use, and why some are unavailable now. One try. */
  listModels(): Promise<ModelList> {
    return this.http.get<ModelList>('/agent/models', A_MODEL_LIST, undefined, ONCE);
  }

  /** `GET /agent/environments`: the environments this key may use. One try. */
  listEnvironments(): Promise<EnvironmentList> {
    return this.http.get<EnvironmentList>('/agent/environments', AN_ENVIRONMENT_LIST, undefined, ONCE);
  }

  /** `GET /agent?repo=owner/repo`: the skills a run may use from that repository. One try. */
  listSkills(repo: string): Promise<SkillList> {
    return this.http.get<SkillList>(`/agent?${new URLSearchParams({ repo }).toString()}`, A_SKILL_LIST, undefined, ONCE);
  }

  /**
   * One try of `POST /agent/runs/{id}/followups`, without retries: a retried follow-up could be
   * delivered twice. The caller reads the run to learn whether a lost one arrived.
   */
  async followupOnce(runId: string, body: FollowupRequest, signal?: AbortSignal): Promise<FollowupAnswer> {
    let answer: unknown;
    try {
      answer = await this.http.request('POST', `/agent/runs/${encodeURIComponent(runId)}/followups`, body, signal);
    } catch (error) {
      // Any 2xx accepts it, whatever its body says.
      if (!isBadAnswer(error)) throw error;
      return {};
    }
    // Only what has the documented shape: an older server answers `{}`, and text is never trusted as an id.
    const read: FollowupAnswer = {};
    if (isObject(answer) && typeof answer.outcome === 'string' && /^[a-z_]{1,40}$/.test(answer.outcome)) read.outcome = answer.outcome;
    if (isObject(answer) && typeof answer.followup_id === 'string' && /^[A-Za-z0-9_-]{1,128}$/.test(answer.followup_id)) {
      read.followup_id = answer.followup_id;
    }
    return read;
  }

  /** One try of `POST /agent/runs/{id}/cancel`; the caller decides what 400/409/422 mean to it. */
  async cancelRunOnce(runId: string, signal?: AbortSignal): Promise<unknown> {
    try {
      return await this.http.request('POST', `/agent/runs/${encodeURIComponent(runId)}/cancel`, {}, signal);
    } catch (error) {
      // Any 2xx accepts the cancel, whatever its body says.
      if (isBadAnswer(error)) return undefined;
      throw error;
    }
  }

  /**
   * The transport's retry loop, for the calls tried once above (create, follow-up, cancel): each caller
   * knows what makes another try safe.
   */
  withRetry<T>(
    what: string,
    attempt: (attemptNumber: number) => Promise<T>,
    signal?: AbortSignal,
    retryIf?: (error: unknown) => boolean,
    retries?: number,
  ): Promise<T> {
    return this.http.withRetry(what, attempt, signal, retryIf, retries);
  }
}
