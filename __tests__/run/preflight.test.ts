/**
 * The check before the run, on the source with fake timers: it is optional, so a catalogue that never
 * answers holds the create back by its budget only (a few seconds), and the run goes ahead unchecked.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { preflight, READ_BUDGET_MS } from '../../src/run/preflight.ts';
import type { EnvironmentList, ModelList, SkillList } from '../../src/oz/types.ts';

const never = <T>() => new Promise<T>(() => {});
const models: ModelList = {
  default_model_id: 'auto',
  models: [{ id: 'gpt-5', display_name: 'GPT-5', provider: 'OPENAI', vision_supported: true }],
};
const label = (name: string) => name;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('preflight with a catalogue that hangs', () => {
  it('gives up on the reads after a few seconds, with a note, and finds no problem', async () => {
    expect(READ_BUDGET_MS).toBeLessThanOrEqual(3000);
    const client = { listModels: never<ModelList>, listEnvironments: never<EnvironmentList>, listSkills: never<SkillList> };
    let done = false;
    const checked = preflight(client, { prompt: 'p', config: { model_id: 'gpt5', environment_id: 'env-x' } }, label).finally(
      () => (done = true),
    );
    await vi.advanceTimersByTimeAsync(READ_BUDGET_MS - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    const found = await checked;
    expect(found.problems).toEqual([]);
    expect(found.notes).toEqual([
      'Could not read the models before the run (no answer within 3 s); creating the run unchecked.',
      'Could not read the environments before the run (no answer within 3 s); creating the run unchecked.',
    ]);
  });

  it('uses the lists that did answer', async () => {
    const client = { listModels: () => Promise.resolve(models), listEnvironments: never<EnvironmentList>, listSkills: never<SkillList> };
    const checked = preflight(client, { prompt: 'p', config: { model_id: 'gpt5', environment_id: 'env-x' } }, label);
    await vi.advanceTimersByTimeAsync(READ_BUDGET_MS);
    const found = await checked;
    expect(found.problems).toEqual(["model 'gpt5' is not a model this API key can use. Did you mean 'gpt-5'? Valid ids: gpt-5."]);
    expect(found.notes).toEqual(['Could not read the environments before the run (no answer within 3 s); creating the run unchecked.']);
  });

  it('leaves no timer behind once the lists answered', async () => {
    const client = { listModels: () => Promise.resolve(models), listEnvironments: never<EnvironmentList>, listSkills: never<SkillList> };
    await preflight(client, { prompt: 'p', config: { model_id: 'gpt-5' } }, label);
    expect(vi.getTimerCount()).toBe(0);
  });
});
