import { isApiError } from '../oz/errors.ts';
import type { OzClient } from '../oz/client.ts';
import type { Conversation, ConversationBlock, ConversationStep } from '../oz/types.ts';

/** Something the agent did or said, as one log line: `command: npm test`, or the first line of a message. */
export interface ActivityItem {
  /** Stable across reads of the conversation, to print each item once. */
  key: string;
  line: string;
}

/** The text of a message's text blocks. */
function textOf(content: ConversationBlock[]): string {
  return content
    .filter((b) => b.type === 'text' && typeof b.text === 'string')
    .map((b) => b.text!)
    .join('\n')
    .trim();
}

/**
 * The agent's final answer: the text of the last assistant message of the last root step that has
 * one (shared oz-api.md). Empty when there is none.
 */
export function finalAnswer(conversation: Conversation | undefined): string {
  const steps = conversation?.steps ?? [];
  for (let s = steps.length - 1; s >= 0; s--) {
    const messages = steps[s]!.messages ?? [];
    for (let m = messages.length - 1; m >= 0; m--) {
      const message = messages[m]!;
      if (message.role !== 'assistant') continue;
      const text = textOf(message.content ?? []);
      if (text !== '') return text;
    }
  }
  return '';
}

const firstString = (input: Record<string, unknown> | undefined, keys: string[]): string | undefined => {
  for (const key of keys) {
    const value = input?.[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (Array.isArray(value) && value.length > 0) {
      const items = value.map((v) => (typeof v === 'string' ? v : isPath(v))).filter((v): v is string => !!v);
      if (items.length > 0) return items.join(', ');
    }
  }
  return undefined;
};

const isPath = (value: unknown): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  return typeof record.path === 'string' ? record.path : typeof record.file_path === 'string' ? record.file_path : undefined;
};

/** `command: npm test`, `edit_files: src/auth.ts`, `search: flaky`: what an action was, in a line. */
export function describeAction(block: ConversationBlock): string {
  const what = block.name === 'run_command' || block.category === 'command' ? 'command' : (block.name ?? block.category ?? 'action');
  const detail = firstString(block.input, ['command', 'path', 'paths', 'files', 'file_paths', 'query', 'url', 'name', 'title']);
  return detail === undefined ? what : `${what}: ${detail}`;
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '') ?? '';
}

/** Every action and assistant message in the conversation, in order, nested steps included. */
export function activity(conversation: Conversation): ActivityItem[] {
  const items: ActivityItem[] = [];
  const walk = (step: ConversationStep) => {
    (step.messages ?? []).forEach((message, m) => {
      const content = message.content ?? [];
      if (message.role === 'assistant') {
        const text = textOf(content);
        if (text !== '') items.push({ key: `${step.id}/m${message.message_ids?.[0] ?? m}`, line: `says: ${firstLine(text)}` });
      }
      content.forEach((block, b) => {
        if (block.type === 'action') items.push({ key: `a/${block.id ?? `${step.id}/${m}/${b}`}`, line: describeAction(block) });
      });
    });
    for (const child of step.steps ?? []) walk(child);
  };
  for (const step of conversation.steps) walk(step);
  return items;
}

/**
 * Reads a run's conversation for live progress: at most once per `intervalMs`, each action and
 * assistant message told once. A 404 or 422 (no conversation, or one the API cannot normalize) turns
 * it off quietly; any other failure skips that read.
 */
export class ConversationWatcher {
  private readonly seen = new Set<string>();
  private lastRead = Number.NEGATIVE_INFINITY;
  private off = false;
  /** The last conversation read, for the final answer. */
  latest: Conversation | undefined;

  private readonly client: OzClient;
  private readonly runId: string;
  private readonly intervalMs: number;
  private readonly debug: (message: string) => void;

  constructor(client: OzClient, runId: string, intervalMs: number, debug: (message: string) => void) {
    this.client = client;
    this.runId = runId;
    this.intervalMs = intervalMs;
    this.debug = debug;
  }

  /** New items since the last read, reading now only if `intervalMs` has passed (or `force`). */
  async poll(signal?: AbortSignal, force = false): Promise<ActivityItem[]> {
    if (this.off || (!force && Date.now() - this.lastRead < this.intervalMs)) return [];
    this.lastRead = Date.now();
    try {
      this.latest = await this.client.getConversation(this.runId, signal);
    } catch (error) {
      if (isApiError(error) && (error.status === 404 || error.status === 422)) {
        this.off = true;
        this.debug(`The run's conversation cannot be read (${error.status}); no progress from it.`);
      } else {
        this.debug(`Could not read the run's conversation: ${(error as Error).message}`);
      }
      return [];
    }
    const fresh = activity(this.latest).filter((item) => !this.seen.has(item.key));
    for (const item of fresh) this.seen.add(item.key);
    return fresh;
  }
}
