import type { CreateRunRequest } from '../oz/types.ts';
import type { RunSettings } from '../settings/settings.ts';
import type { ThreadRun } from '../threads/run.ts';
import { schemaInstruction } from './structured.ts';

/**
 * What a run does, decided once, before anything is checked or sent: start a new run with a request,
 * send a message to an existing run and watch it to its new end, or watch an existing run. The text in
 * a target is as the user (or the mention) wrote it; `asSent` adds the output schema's instruction.
 */
export type RunTarget =
  | { kind: 'create'; request: CreateRunRequest }
  /** With `thread`: a conversation thread's run, checked before anything is sent to it (see ThreadRun). */
  | { kind: 'follow-up'; runId: string; message: string; thread?: ThreadRun }
  | { kind: 'watch'; runId: string };

/**
 * The settings (read-only), what to run with them, and the JSON Schema of the answer: everything
 * `startAndWatch` needs. A later phase that changes what is asked (a review) returns a new plan; the
 * settings stay as parsed.
 */
export interface RunPlan {
  readonly settings: Readonly<RunSettings>;
  readonly target: RunTarget;
  /**
   * The JSON Schema the final answer's object must match: the settings' output schema, or a later
   * phase's own (a review's). Its instruction is added to what is sent, in `asSent`.
   */
  readonly outputSchema?: Record<string, unknown>;
}

/** The plan of the settings as parsed: their target, and their output schema. */
export function planOf<S extends RunSettings>(settings: Readonly<S>, target: RunTarget): RunPlan & { readonly settings: Readonly<S> } {
  return { settings, target, ...(settings.outputSchema !== undefined && { outputSchema: settings.outputSchema }) };
}

/**
 * What the settings alone ask for: an existing run (with a follow-up or not), or a new run. Undefined
 * when a new run has nothing to do yet (no prompt and no skill: a mention may still write one).
 */
export function targetOf(settings: Readonly<RunSettings>): RunTarget | undefined {
  if (settings.runId !== undefined) {
    return settings.followup !== undefined
      ? { kind: 'follow-up', runId: settings.runId, message: settings.followup }
      : { kind: 'watch', runId: settings.runId };
  }
  const request = settings.create ?? {};
  if (request.prompt === undefined && request.skill === undefined) return undefined;
  return { kind: 'create', request };
}

/**
 * The one place the output schema's instruction is added: to the text the agent is sent (a new run's
 * prompt, or a follow-up's message). Nothing else writes it, so no phase can add it twice or send it
 * as a whole prompt.
 */
export function asSent(target: RunTarget, outputSchema: Record<string, unknown> | undefined): RunTarget {
  if (outputSchema === undefined || target.kind === 'watch') return target;
  const instruction = schemaInstruction(outputSchema);
  if (target.kind === 'follow-up') return { ...target, message: `${target.message}${instruction}` };
  return { ...target, request: { ...target.request, prompt: `${target.request.prompt ?? ''}${instruction}`.trimStart() } };
}

/** The text sent to the agent, for the log: the prompt, the follow-up, or nothing when only watching. */
export function sentText(target: RunTarget, outputSchema: Record<string, unknown> | undefined): string {
  const sent = asSent(target, outputSchema);
  if (sent.kind === 'follow-up') return sent.message;
  return sent.kind === 'create' ? (sent.request.prompt ?? '') : '';
}
