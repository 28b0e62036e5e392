import type { Vocabulary } from '../front/vocabulary.ts';
import { flagOf, INPUTS, type SettingKey } from '../names.ts';
import { CLI_USER_AGENT } from '../oz/version.ts';

/** A setting as a CLI user writes it: `--prompt-file`; a boolean that is on by default as the flag that turns it off, `--no-wait`. */
export function flagLabel(key: SettingKey): string {
  const name = INPUTS[key];
  return 'onByDefault' in name ? `--no-${flagOf(key)}` : `--${flagOf(key)}`;
}

/** The CLI's words: settings are flags, the key is an environment variable, a stop is an interruption. */
export const CLI_WORDS: Vocabulary = {
  setting: flagLabel,
  aside: (key) => `\`${flagLabel(key)}\``,
  off: (key) => `${flagLabel(key)} is set`,
  apiKey: 'WARP_API_KEY',
  apiBaseUrl: '--api-base-url (or WARP_BASE_URL, OZ_API_BASE_URL)',
  cancellation: 'The run was interrupted',
  self: 'oz-agent-run',
  unit: 'command',
  userAgent: CLI_USER_AGENT,
  stoppedHeading: 'stopped: the command was interrupted',
  rerun: 'run the command once more',
  ownRun: 'this command',
  fullReport: 'the summary file',
  ownRunRow: ['CI run', 'This CI run'],
};
