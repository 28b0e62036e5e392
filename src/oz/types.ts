/** Types of the Oz Agent API as this action uses it (see the Oz API spec). Unknown fields are kept, never required. */

/** Documented run states. The API may add more; those are treated as live. */
export const LIVE_STATES = ['QUEUED', 'PENDING', 'CLAIMED', 'INPROGRESS'] as const;
export const TERMINAL_STATES = ['SUCCEEDED', 'FAILED', 'ERROR', 'BLOCKED', 'CANCELLED'] as const;

export type TerminalState = (typeof TERMINAL_STATES)[number];
export type RunState = (typeof LIVE_STATES)[number] | TerminalState | (string & {});

export function isTerminal(state: string | undefined): state is TerminalState {
  return (TERMINAL_STATES as readonly string[]).includes(state ?? '');
}

export function isDocumentedState(state: string): boolean {
  return isTerminal(state) || (LIVE_STATES as readonly string[]).includes(state);
}

export interface StatusMessage {
  message?: string;
  error_code?: string;
  retryable?: boolean;
  /** Until when a run that failed during setup keeps its session for a debug agent. */
  session_debug_until?: string;
  /** A debug turn holds that window open now (`session_debug_until` may lag). */
  debug_agent_active?: boolean;
}

export interface Artifact {
  artifact_type: string;
  created_at?: string;
  data?: Record<string, unknown>;
}

export interface RequestUsage {
  inference_cost?: number;
  compute_cost?: number;
  platform_cost?: number;
  inference_cost_usd?: number;
  compute_cost_usd?: number;
  platform_cost_usd?: number;
  total_tokens?: number;
}

export interface RunItem {
  run_id: string;
  task_id?: string;
  title?: string;
  prompt?: string;
  state: RunState;
  created_at?: string;
  updated_at?: string;
  started_at?: string;
  session_id?: string;
  session_link?: string;
  conversation_id?: string;
  run_time?: string;
  metadata?: Record<string, string>;
  artifacts?: Artifact[];
  status_message?: StatusMessage;
  request_usage?: RequestUsage;
  is_run_type_cancellable?: boolean;
  /** When the run last reached a terminal state; null while it is live. */
  finished_at?: string | null;
  /** Where the run came from (API, GITHUB_ACTION, SLACK, ...: more values appear). */
  source?: string;
  /** A run that FAILED during setup keeps its session: a follow-up goes to a debug agent there, and the run stays FAILED. */
  debug_agent_available?: boolean;
  [key: string]: unknown;
}

export interface McpServer {
  command?: string;
  args?: string[];
  env?: Record<string, string>;
  url?: string;
  headers?: Record<string, string>;
  warp_id?: string;
}

export interface AgentConfig {
  name?: string;
  model_id?: string;
  environment_id?: string;
  base_prompt?: string;
  mcp_servers?: Record<string, McpServer>;
  worker_host?: string;
  computer_use_enabled?: boolean;
  /** Which harness runs the agent: Warp's own (oz) or a third-party one. */
  harness?: { type: 'oz' | 'claude' | 'codex' | 'gemini'; model_id?: string; reasoning_level?: string };
  /** The team secret that authenticates a third-party harness. */
  harness_auth_secrets?: HarnessAuthSecrets;
  /** Minutes the environment stays up after the task completes (0-60, default 10; 0 shuts it down at once). */
  idle_timeout_minutes?: number;
  /** Lets people outside the team open the session link. */
  session_sharing?: { public_access: 'VIEWER' | 'EDITOR' };
  /**
   * The run's own allowlist of the team's managed secrets. Without it a run gets no generic team
   * secrets: only those its environment and its executing principal name.
   */
  secrets?: { name: string }[];
}

export interface HarnessAuthSecrets {
  claude_auth_secret_name?: string;
  codex_auth_secret_name?: string;
}

/** An image sent with the prompt. */
export interface Attachment {
  file_name: string;
  mime_type: string;
  /** Base64. */
  data: string;
}

export interface CreateRunRequest {
  prompt?: string;
  skill?: string;
  title?: string;
  mode?: 'normal' | 'plan' | 'orchestrate';
  conversation_id?: string;
  metadata?: Record<string, string>;
  config?: AgentConfig;
  attachments?: Attachment[];
  agent_identity_uid?: string;
}

export interface CreateRunResponse {
  run_id: string;
  state: RunState;
  task_id?: string;
  at_capacity?: boolean;
}

export interface ListRunsResponse {
  runs: RunItem[];
  page_info?: { has_next_page?: boolean; next_cursor?: string };
}

/** One block of a conversation message (the Oz API spec). Unknown kinds are kept. */
export interface ConversationBlock {
  type: string;
  /** `text` blocks. */
  text?: string;
  /** `action` blocks: something the agent did. */
  id?: string;
  category?: string;
  name?: string;
  input?: Record<string, unknown>;
  /** `action_result` blocks. */
  action_id?: string;
  state?: string;
  output?: unknown;
  /** `event` blocks. */
  data?: unknown;
}

export interface ConversationMessage {
  role: string;
  timestamp?: string;
  message_ids?: string[];
  content: ConversationBlock[];
}

export interface ConversationStep {
  id: string;
  summary?: string;
  started_at?: string;
  completed_at?: string;
  messages: ConversationMessage[];
  /** Work delegated from this step. */
  steps: ConversationStep[];
}

/** `GET /agent/runs/{id}/conversation`: the run's normalized conversation. */
export interface Conversation {
  conversation_id?: string;
  steps: ConversationStep[];
}

/** `GET /agent/artifacts/{uid}`: a FILE or SCREENSHOT with a signed download URL, or a PLAN with its markdown. */
export interface ArtifactDetail {
  artifact_uid: string;
  artifact_type: string;
  created_at?: string;
  data: {
    download_url?: string;
    expires_at?: string;
    content_type?: string;
    filepath?: string;
    filename?: string;
    description?: string;
    size_bytes?: number;
    document_uid?: string;
    notebook_uid?: string;
    url?: string;
    title?: string;
    content?: string;
  };
}

/** `POST /agent/runs/{id}/followups`. */
export interface FollowupRequest {
  message: string;
  mode?: 'normal' | 'plan' | 'orchestrate';
}

/**
 * The answer to a follow-up. `outcome`: `live_session` (the running session took it), `queued_prompt`
 * (the run had not started: added to its prompt; no id), `handoff_execution` (the run had ended: a
 * new execution of it), `queue_pending` (queued, delivered when the run can take it). An older server
 * answered `{}`.
 */
export interface FollowupAnswer {
  followup_id?: string | null;
  outcome?: string;
}

/** One event of a run's timeline: setup and lifecycle, before any conversation exists. */
export interface TimelineEvent {
  event_uuid?: string;
  run_id?: string;
  execution_id?: string;
  /** `oz_run_created`, `oz_run_claimed`, `worker_container_ready`, `shared_session_started`, `agent_started`, `oz_run_done`, ... */
  event_type: string;
  occurred_at?: string;
  payload?: unknown;
}

/** `GET /agent/runs/{id}/timeline`. */
export interface Timeline {
  events: TimelineEvent[];
}

/**
 * `GET /agent/runs/{id}/harness-usage`: the latest raw token and tool counts of a Claude Code or Codex
 * run, as the harness reports them (`usage.snapshot.payload`); a null or absent count is unmeasured.
 */
export interface HarnessUsage {
  available?: boolean;
  run_id?: string;
  conversation_id?: string | null;
  age_seconds?: number;
  usage?: { harness?: string; snapshot?: { coverage?: string; payload?: unknown } };
}

/** `GET /agent/models`. */
export interface ModelList {
  default_model_id?: string;
  models: {
    id: string;
    display_name?: string;
    provider?: string;
    vision_supported?: boolean;
    description?: string;
    reasoning_level?: string;
    /** Why the model cannot be used now: PROVIDER_OUTAGE, OUT_OF_REQUESTS, ADMIN_DISABLED, REQUIRES_UPGRADE. */
    disable_reason?: string;
  }[];
}

/** `GET /agent/environments`. */
export interface EnvironmentList {
  environments: {
    uid: string;
    config?: { name?: string; description?: string; docker_image?: string; github_repos?: unknown[] };
    last_updated?: string;
    /** The environment's latest run failed during setup. */
    setup_failed?: boolean;
  }[];
}

/** `GET /agent`: skills, each with variants whose id is `owner/repo:path`. */
export interface SkillList {
  agents: { name?: string; variants?: { id?: string; description?: string; error?: string }[] }[];
}
