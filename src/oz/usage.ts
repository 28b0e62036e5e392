import type { RequestUsage } from './types.ts';

/** A run's usage as one figure each, from its `request_usage`; a figure the API did not give is left out. */
export interface UsageFigures {
  /** Credits: inference + compute + platform. */
  credits?: number;
  /** Approximate cost in US dollars: the same three, in `_usd`. */
  costUsd?: number;
  tokens?: number;
}

const KINDS = ['inference', 'compute', 'platform'] as const;

/** Sums what the API reported; nothing for a figure none of whose parts is a number. */
export function usageFigures(usage: RequestUsage | undefined): UsageFigures {
  if (usage === undefined || usage === null || typeof usage !== 'object') return {};
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
  return figures;
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
