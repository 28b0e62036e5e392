import type { HarnessUsage, RequestUsage } from './types.ts';

/** A run's usage as one figure each, from its `request_usage`; a figure the API did not give is left out. */
export interface UsageFigures {
  /** Credits: inference + compute + platform. */
  credits?: number;
  /** Approximate cost in US dollars: the same three, in `_usd`. */
  costUsd?: number;
  tokens?: number;
}

const KINDS = ['inference', 'compute', 'platform'] as const;

/**
 * Sums what the API reported; nothing for a figure none of whose parts is a number. `harnessTokens`
 * (a third-party harness's count, see harnessTokens) stands in when `request_usage` has no tokens.
 */
export function usageFigures(usage: RequestUsage | undefined, harnessTokens?: number): UsageFigures {
  const tokens = harnessTokens === undefined ? {} : { tokens: harnessTokens };
  if (usage === undefined || usage === null || typeof usage !== 'object') return tokens;
  const sum = (keys: string[]): number | undefined => {
    const values = keys
      .map((k) => (usage as Record<string, unknown>)[k])
      .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    return values.length === 0 ? undefined : round(values.reduce((a, b) => a + b, 0));
  };
  const figures: UsageFigures = {};
  const credits = sum(KINDS.map((k) => `${k}_cost`));
  const costUsd = sum(KINDS.map((k) => `${k}_cost_usd`));
  if (credits !== undefined) figures.credits = credits;
  if (costUsd !== undefined) figures.costUsd = costUsd;
  if (typeof usage.total_tokens === 'number' && Number.isFinite(usage.total_tokens)) figures.tokens = usage.total_tokens;
  else if (harnessTokens !== undefined) figures.tokens = harnessTokens;
  return figures;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The tokens of a harness's raw usage (`GET /agent/runs/{id}/harness-usage`): a `total_tokens` (Codex
 * reports it in `total_token_usage`), else input plus output tokens, with Claude Code's cache reads
 * and writes. Undefined, never 0, when the payload does not carry the counts: unmeasured is not zero.
 */
export function harnessTokens(usage: HarnessUsage | undefined): number | undefined {
  const payload = usage?.available === true ? usage.usage?.snapshot?.payload : undefined;
  if (!isRecord(payload)) return undefined;
  const count = (from: Record<string, unknown>, key: string) => {
    const value = from[key];
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
  };
  const codex = isRecord(payload.total_token_usage) ? payload.total_token_usage : undefined;
  const total = count(payload, 'total_tokens') ?? (codex && count(codex, 'total_tokens'));
  if (total !== undefined) return total;
  const from = codex ?? payload;
  const [input, output] = [count(from, 'input_tokens'), count(from, 'output_tokens')];
  if (input === undefined || output === undefined) return undefined;
  return input + output + (count(from, 'cache_read_input_tokens') ?? 0) + (count(from, 'cache_creation_input_tokens') ?? 0);
}

/** `16 credits, about $0.32, 48210 tokens`: the figures in words, those given. */
export function describeUsage(figures: UsageFigures): string {
  const parts: string[] = [];
  if (figures.credits !== undefined) parts.push(`${figures.credits} credits`);
  if (figures.costUsd !== undefined) parts.push(`about $${figures.costUsd.toFixed(2)}`);
  if (figures.tokens !== undefined) parts.push(`${figures.tokens} tokens`);
  return parts.join(', ') || 'no usage reported';
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
