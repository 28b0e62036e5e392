import { InputError } from '../errors.ts';
import { fail, type InputReader } from './primitives.ts';

/**
 * The inputs of the official `warpdotdev/oz-agent-action` that have no meaning here, so that a
 * workflow which only swaps its `uses:` line keeps working or fails at once with the reason:
 * - `cloud`: this action runs cloud agents only, so `true` is what it does anyway and `false` fails;
 * - `saved_prompt`: the API has no saved prompts, so it fails;
 * - `cwd`, `profile`, `share`: the official action ignores them for cloud runs with a warning; so does this one;
 * - `oz_channel`, `oz_version`: nothing is installed, so a value other than the default gets a notice.
 * (`output_format` and `debug` have a meaning here: see settings/options.ts.)
 */

/** What the step says before anything else, when an official input is ignored. */
export interface OfficialNotes {
  warnings: string[];
  notices: string[];
}

/** The ignored inputs, and this action's nearest input to use instead (when there is one). */
const IGNORED: Record<string, string> = {
  cwd: 'The agent works in its own environment, not in a folder of this runner: name the repositories it needs in an Oz environment (environment), or say where to work in prompt.',
  profile:
    'Oz agent profiles are a setting of the Warp app; choose the model with model (or harness and harness_model) and the instructions with base_prompt.',
  share: 'Use session_sharing: viewer or editor, which lets people outside the team open the session link.',
};

/** Values of oz_channel and oz_version that mean "the default" in the official action. */
const DEFAULTS: Record<string, string[]> = { oz_channel: ['stable'], oz_version: ['latest'] };

const CLOUD_FALSE =
  'cloud: false asks for an agent that runs on this runner, and this action runs only cloud agents: ' +
  "the agent works in its own Oz environment, not in this runner's checkout. " +
  'Get its work back from the pull request or branch it opens (the pull_request_url output), or have its files saved with artifacts_path. ' +
  'To run the agent on the runner instead, use the official warpdotdev/oz-agent-action with cloud: false. ' +
  'Remove the cloud input (or set it to true) to run a cloud agent here.';

const SAVED_PROMPT =
  'saved_prompt is not supported: the Oz API has no saved prompts (they live in Warp Drive, which the API cannot read). ' +
  'Put the text in prompt, in a file named by prompt_file, or in a skill run with skill.';

/**
 * Checks the official action's inputs that mean nothing here. Throws an InputError for `cloud: false`
 * and `saved_prompt` (before any request); returns the warnings and notices for the others.
 */
export function checkOfficialInputs(read: InputReader): OfficialNotes {
  const cloud = read('cloud');
  if (/^false$/i.test(cloud)) throw new InputError('cloud', 'unsupported', CLOUD_FALSE);
  if (cloud !== '' && !/^true$/i.test(cloud)) fail('cloud', cloud, 'true (this action runs only cloud agents), or no cloud input');
  if (read('saved_prompt') !== '') throw new InputError('saved_prompt', 'unsupported', SAVED_PROMPT);

  const notes: OfficialNotes = { warnings: [], notices: [] };
  for (const [name, instead] of Object.entries(IGNORED)) {
    if (read(name) !== '') notes.warnings.push(`${name} is ignored: it applies only to agents that run on the runner. ${instead}`);
  }
  for (const [name, defaults] of Object.entries(DEFAULTS)) {
    const value = read(name);
    if (value !== '' && !defaults.includes(value.toLowerCase())) {
      notes.notices.push(
        `${name} '${value}' has no effect: this action installs nothing, it calls the Oz API, which always runs the current agent.`,
      );
    }
  }
  return notes;
}
