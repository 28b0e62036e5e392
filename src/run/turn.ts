import type { Artifact, RunItem } from '../oz/types.ts';

/**
 * A follow-up goes to a run that may hold artifacts from earlier turns (the pull request the first
 * turn opened, its files). What the follow-up produced is what was not on the run before it was sent:
 * the result carries only that, and says how many earlier ones there are, so nobody reads an earlier
 * turn's pull request or files as this request's.
 */

/** A run's artifacts split by turn: this request's, and those already on the run before it. */
export interface TurnArtifacts {
  /** What this request produced: every artifact of a new (or only watched) run; on a follow-up, the new ones. */
  artifacts: Artifact[];
  /** On a follow-up: the artifacts the run already had from earlier turns. Empty otherwise. */
  earlier: Artifact[];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * What makes an artifact the same one on two reads of a run: its uid (FILE, SCREENSHOT, PLAN), or its
 * URL (a pull request, an external reference). A pull request that a follow-up pushed to again has
 * the same URL, so it is the earlier turn's, not a new one. Anything else, by its whole content.
 */
export function artifactKey(artifact: Artifact): string {
  const data = artifact.data ?? {};
  const type = String(artifact.artifact_type);
  const id =
    type === 'PULL_REQUEST' || type === 'EXTERNAL_REFERENCE'
      ? text(data.url)
      : (text(data.artifact_uid) ?? text(data.document_uid) ?? (type === 'PLAN' ? text(data.url) : undefined));
  return id !== undefined ? `${type} ${id}` : `${type} ${JSON.stringify(data)}`;
}

/**
 * Splits the run's artifacts into this request's and earlier turns', `before` being the run as read
 * before the follow-up was sent (undefined for a new run or a watch: all of them are its own).
 *
 * By identity, not by time: `created_at` is the server's clock and the runner's differs from it, and an
 * artifact of the last turn can be listed a little after that turn ended, so no instant taken here
 * separates the turns reliably. What the run listed before the follow-up went is known exactly.
 */
export function artifactsOfTurn(run: RunItem | undefined, before: RunItem | undefined): TurnArtifacts {
  if (before === undefined) return { artifacts: run?.artifacts ?? [], earlier: [] };
  const turn = artifactsBesides(run, (before.artifacts ?? []).map(artifactKey));
  // As read before when the last read listed none (it may not have been read again).
  return (run?.artifacts ?? []).length > 0 ? turn : { ...turn, earlier: before.artifacts ?? [] };
}

/**
 * The same split from the keys (artifactKey) of the artifacts the run had before the follow-up: what a
 * later step (the post step) knows of that run, from what the step that sent the follow-up saved.
 */
export function artifactsBesides(run: RunItem | undefined, earlierKeys: readonly string[]): TurnArtifacts {
  const seen = new Set(earlierKeys);
  const all = run?.artifacts ?? [];
  return {
    artifacts: all.filter((artifact) => !seen.has(artifactKey(artifact))),
    earlier: all.filter((artifact) => seen.has(artifactKey(artifact))),
  };
}
