import type { Vocabulary } from '../front/vocabulary.ts';
import { INPUTS } from '../names.ts';
import { USER_AGENT } from '../oz/version.ts';

/** The action's words: settings are inputs (`timeout_minutes`), the key is a secret, a stop is the workflow's cancellation. */
export const ACTION_WORDS: Vocabulary = {
  setting: (key) => INPUTS[key].input,
  aside: (key) => `\`${INPUTS[key].input}\` input`,
  off: (key) => `${INPUTS[key].input} is false`,
  apiKey: 'the warp_api_key secret',
  apiBaseUrl: 'api_base_url (or WARP_BASE_URL, OZ_API_BASE_URL)',
  cancellation: 'The workflow was cancelled',
  self: 'this action',
  unit: 'step',
  userAgent: USER_AGENT,
  stoppedHeading: 'cancelled with the workflow',
  rerun: 're-run the job',
  ownRun: 'this workflow',
  fullReport: 'the job summary',
  ownRunRow: ['Workflow run', 'This workflow run'],
};
