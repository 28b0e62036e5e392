/** Types of the Oz Agent API as this action uses it (see shared oz-api.md). Unknown fields are kept, never required. */

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
  session_debug_until?: string;
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
}

export interface CreateRunRequest {
  prompt?: string;
  skill?: string;
  title?: string;
  mode?: 'normal' | 'plan' | 'orchestrate';
  conversation_id?: string;
  metadata?: Record<string, string>;
  config?: AgentConfig;
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
