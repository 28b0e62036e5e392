/** The API's rules for run metadata (the Oz API spec), in one place. */

export const METADATA_KEY_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
export const METADATA_MAX_KEYS = 20;
export const METADATA_MAX_VALUE_BYTES = 256;

/**
 * Set on every create, to find a run whose create answer was lost (see run/create.ts). It takes one of
 * the API's 20 keys, so callers have `METADATA_MAX_KEYS - 1` for their own.
 */
export const REQUEST_ID_KEY = 'oz_action_request_id';

/** How many keys a caller may set besides the request id. */
export const METADATA_USER_MAX_KEYS = METADATA_MAX_KEYS - 1;

/** What is wrong with one metadata pair under the API's rules, or undefined when it is fine. */
export function metadataPairProblem(key: string, value: string): { what: 'key' | 'value'; expected: string } | undefined {
  if (!METADATA_KEY_PATTERN.test(key)) {
    return { what: 'key', expected: 'a metadata key of 1-64 characters from a-z, A-Z, 0-9, ".", "_" and "-"' };
  }
  if (Buffer.byteLength(value, 'utf8') > METADATA_MAX_VALUE_BYTES || value.includes('\0')) {
    return { what: 'value', expected: `a metadata value of at most ${METADATA_MAX_VALUE_BYTES} bytes without NUL characters` };
  }
  return undefined;
}

/** Cuts a value to the API's limit of 256 UTF-8 bytes without splitting a character, dropping NULs. */
export function fitMetadataValue(value: string): string {
  let text = value.replaceAll('\0', '');
  while (Buffer.byteLength(text, 'utf8') > METADATA_MAX_VALUE_BYTES) text = Array.from(text).slice(0, -1).join('');
  return text;
}

/**
 * Adds context pairs (CI provenance) to the caller's metadata, which wins on conflicts. Pairs that would
 * take the total past `METADATA_USER_MAX_KEYS` are left out, the ones listed last first; their keys are
 * returned in `dropped`. Values are fitted to the API's limit.
 */
export function mergeMetadata(
  user: Record<string, string>,
  context: [string, string | undefined][],
): { metadata: Record<string, string>; dropped: string[] } {
  const metadata: Record<string, string> = { ...user };
  const dropped: string[] = [];
  for (const [key, value] of context) {
    if (value === undefined || key in metadata) continue;
    if (Object.keys(metadata).length >= METADATA_USER_MAX_KEYS) dropped.push(key);
    else metadata[key] = fitMetadataValue(value);
  }
  return { metadata, dropped };
}
