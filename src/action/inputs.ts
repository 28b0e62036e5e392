import * as core from '@actions/core';
import { parseInputs, type ParsedInputs } from '../settings/inputs.ts';
import { maskSecrets, type Redaction } from './redaction.ts';

/** The step's settings as parsed (or why they cannot be), and what redacts the secrets they hold. */
export type StepInputs = ParsedInputs & { redaction: Redaction };

/**
 * The one place src/ reads the action's inputs (`core.getInput`), for the main step and the post step
 * alike: parsed by the one parser (settings/inputs.ts), and the secrets among them masked at once,
 * before the step says anything.
 */
export async function readInputs(): Promise<StepInputs> {
  const parsed = await parseInputs(core.getInput);
  return { ...parsed, redaction: maskSecrets(parsed.secrets) };
}
