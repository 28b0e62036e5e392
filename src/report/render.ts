/**
 * What the job summary, the outputs and the CLI's report are rendered with, once there is something
 * to report. A bundle file of its own (`#report`, see package.json imports and scripts/build.ts),
 * loaded on first use, so that a step's start to its first request does not compile it.
 */
export { agentOutputs, runOutputs, usageOutputs } from './outputs.ts';
export { renderSummary } from './summary.ts';
export { reportArtifacts } from './model.ts';
export { reviewOutputs } from '../review/text.ts';
