import { messageOf } from '../errors.ts';
import { isApiError } from '../oz/errors.ts';
import type { OzClient } from '../oz/client.ts';
import type { CallLimits } from '../oz/http.ts';
import type { Conversation, ConversationBlock, ConversationMessage, ConversationStep } from '../oz/types.ts';

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
 * Where a request's answer starts in a conversation: after the first `messages` messages of its root
 * steps (what was there before a follow-up was sent), or, when that is unknown, after the last user
 * message that holds `request`.
 */
export type AnswerStart = { messages: number } | { request: string };

/** The messages of the root steps, in order. */
function rootMessages(conversation: Conversation | undefined): ConversationMessage[] {
  return (conversation?.steps ?? []).flatMap((step) => step.messages ?? []);
}

/** Where the answer to `request` starts, when it is found as a user message; 0 when it is not there yet. */
function afterRequest(messages: ConversationMessage[], request: string): number {
  const asked = request.trim().split('\n')[0]!.trim();
  for (let m = messages.length - 1; m >= 0; m--) {
    if (messages[m]!.role === 'user' && asked !== '' && textOf(messages[m]!.content ?? []).includes(asked)) return m + 1;
  }
  return messages.length;
}

/**
 * The agent's final answer: the text of the last assistant message of the last root step that has
 * one (the Oz API spec). With `start`, only what comes after it counts: the answer to a follow-up is
 * never the one before it. Empty when there is none.
 */
export function finalAnswer(conversation: Conversation | undefined, start?: AnswerStart): string {
  const messages = rootMessages(conversation);
  const from = start === undefined ? 0 : 'messages' in start ? start.messages : afterRequest(messages, start.request);
  for (let m = messages.length - 1; m >= from; m--) {
    const message = messages[m]!;
    if (message.role !== 'assistant') continue;
    const text = textOf(message.content ?? []);
    if (text !== '') return text;
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

/** The deadline of one live-progress read: one try, and the next one due tries again. */
export const LIVE_READ_TIMEOUT_MS = 10_000;

/**
 * Reads a run's conversation for live progress: first `firstAfterMs` after the run is first seen
 * working (a short run then shows its progress while it works, not only at its end), then at most once
 * per `intervalMs`; each action and assistant message told once. A 422 (a conversation the API cannot
 * normalize) turns live reads off quietly; a 404 (none yet) and any other failure skip that read. A
 * forced read (before a follow-up, after the end) is always made: a conversation missing while the
 * run worked may be there once it ended.
 *
 * Live reads (`pollInBackground`) never hold up the watch: each runs beside it, one at a time, one try
 * with a deadline of its own, and is aborted when the stop signal fires or a forced read starts.
 */
export class ConversationWatcher {
  private readonly seen = new Set<string>();
  /** When the next unforced read is due; set by the first unforced poll. */
  private due: number | undefined;
  private off = false;
  /** The live read in flight, if any: aborted by a forced read. */
  private live: AbortController | undefined;
  /** The last conversation read, for the final answer. */
  latest: Conversation | undefined;
  /** How the last read went: read, none (404 or 422: no conversation), or failed. */
  private lastOutcome: 'read' | 'none' | 'failed' | undefined;

  private readonly client: OzClient;
  private readonly runId: string;
  private readonly intervalMs: number;
  private readonly debug: (message: string) => void;
  private readonly firstAfterMs: number;

  constructor(client: OzClient, runId: string, intervalMs: number, debug: (message: string) => void, firstAfterMs = 15_000) {
    this.client = client;
    this.runId = runId;
    this.intervalMs = intervalMs;
    this.debug = debug;
    this.firstAfterMs = firstAfterMs;
  }

  /** Whether an unforced read is due now: `firstAfterMs` after the first such question, then every `intervalMs`. */
  private isDue(): boolean {
    if (this.off) return false;
    const now = Date.now();
    this.due ??= now + this.firstAfterMs;
    if (now < this.due) return false;
    this.due = now + this.intervalMs;
    return true;
  }

  /**
   * New items since the last read, waiting for the read. Unforced, it reads only when a read is due
   * (see `isDue`). A forced read (before a follow-up, after the end) reads now, leaves that schedule
   * alone, and aborts a live read in flight (which could answer with an older conversation).
   */
  async poll(signal?: AbortSignal, force = false): Promise<ActivityItem[]> {
    if (!force && !this.isDue()) return [];
    if (force) {
      this.live?.abort();
      this.live = undefined;
    }
    return this.read(signal);
  }

  /**
   * Starts a live read if one is due and none is in flight, and returns at once: what it finds is told
   * to `onItems` when it answers. One try, bounded by LIVE_READ_TIMEOUT_MS (or the interval, if
   * shorter) and by `signal`.
   */
  pollInBackground(signal: AbortSignal, onItems: (items: ActivityItem[]) => void): void {
    if (this.live !== undefined || !this.isDue()) return;
    const live = (this.live = new AbortController());
    const limits: CallLimits = { timeoutMs: Math.max(1000, Math.min(LIVE_READ_TIMEOUT_MS, this.intervalMs)), retries: 0 };
    void this.read(AbortSignal.any([signal, live.signal]), limits).then((items) => {
      if (this.live === live) this.live = undefined;
      if (!live.signal.aborted && !signal.aborted && items.length > 0) onItems(items);
    });
  }

  /** One read (with the client's retries unless `limits` say otherwise); never throws. */
  private async read(signal: AbortSignal | undefined, limits?: CallLimits): Promise<ActivityItem[]> {
    let conversation: Conversation;
    try {
      conversation = await this.client.getConversation(this.runId, signal, limits);
    } catch (error) {
      // Aborted (a stop, or a forced read took over): what the last read found stands.
      if (signal?.aborted) return [];
      this.lastOutcome = 'failed';
      if (isApiError(error) && (error.status === 404 || error.status === 422)) this.lastOutcome = 'none';
      if (isApiError(error) && error.status === 422) {
        this.off = true;
        this.debug(`The run's conversation cannot be read (${error.status}); no progress from it.`);
      } else if (isApiError(error) && error.status === 404) {
        this.debug("The run's conversation does not exist yet.");
      } else {
        this.debug(`Could not read the run's conversation: ${messageOf(error)}`);
      }
      return [];
    }
    this.latest = conversation;
    this.lastOutcome = 'read';
    const fresh = activity(conversation).filter((item) => !this.seen.has(item.key));
    for (const item of fresh) this.seen.add(item.key);
    return fresh;
  }

  /**
   * Where the answer to `request`, about to be sent, will start: after what the conversation holds now
   * (nothing, when it has none yet), or, when it could not be read, after the request itself.
   */
  answerStart(request: string): AnswerStart {
    if (this.lastOutcome === 'read') return { messages: rootMessages(this.latest).length };
    if (this.lastOutcome === 'none') return { messages: 0 };
    return { request };
  }
}
