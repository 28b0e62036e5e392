import type { SettingKey } from '../names.ts';
import type { SummaryWords } from '../report/summary.ts';

/**
 * The words one front end (the action, the CLI) uses for what the core reports as facts: how it names
 * a setting, the API key and a cancellation, and how it introduces itself to the API. Each front end
 * has exactly one (src/action/vocabulary.ts, src/cli/vocabulary.ts); every sentence about a setting is
 * built from it, so the CLI never tells its users about an action input.
 */
export interface Vocabulary extends SummaryWords {
  /** A setting as the user writes it: `timeout_minutes`, or `--timeout-minutes`. */
  setting: (key: SettingKey) => string;
  /** A setting named in the middle of a sentence: "the `environment` input", or "`--environment`". */
  aside: (key: SettingKey) => string;
  /** A true/false setting turned off, as the user did it: `wait is false`, or `--no-wait is set`. */
  off: (key: SettingKey) => string;
  /** Where the API key comes from, for hints: `the warp_api_key secret`, or `WARP_API_KEY`. */
  apiKey: string;
  /** The API's address setting, for hints. */
  apiBaseUrl: string;
  /** What stopped the run, when it was not the timeout: 'The workflow was cancelled', 'The run was interrupted'. */
  cancellation: string;
  /** How the front end names itself in a sentence: 'this action', 'oz-agent-run'. */
  self: string;
  /** One use of the front end, as a sentence names it: 'step' (of a workflow), 'command'. */
  unit: string;
  /** The User-Agent of every request to the API and of downloads. */
  userAgent: string;
}
