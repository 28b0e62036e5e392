import { fail, parseBoolean, type SettingSource } from './settings.ts';

/** What `agent_output` holds: the final answer as text, or the run's normalized conversation as JSON. */
export type OutputFormat = 'text' | 'json';

/** How the front ends report, beyond the run itself. */
export interface ReportOptions {
  /** `text` (default): the agent's final answer; `json`: the normalized conversation as JSON. */
  outputFormat?: OutputFormat;
  /** Log every request to the API (method, path, status, duration, trace id), as step debug logging would. */
  debug?: boolean;
}

const FORMATS: readonly OutputFormat[] = ['text', 'json'];

/** Parses `output_format` and `debug`; a bad value throws an InputError naming the setting. */
export function parseReportOptions(src: SettingSource): ReportOptions {
  const format = src.read('output_format').toLowerCase() || 'text';
  if (!(FORMATS as readonly string[]).includes(format)) fail(src.label('output_format'), src.read('output_format'), 'text or json');
  return { outputFormat: format as OutputFormat, debug: parseBoolean(src, 'debug', false) };
}
