/**
 * What is used only once a run exists: reading its conversation (progress and the final answer) and
 * saving its files. A bundle file of its own (`#after-run`, see package.json imports and
 * scripts/build.ts), loaded on first use, so that the step's start to its first request does not
 * compile it.
 */
export { ConversationWatcher, finalAnswer } from './transcript.ts';
export { saveArtifacts } from './artifacts.ts';
