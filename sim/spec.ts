/**
 * The simulator's checks of the newer create fields, as the API's spec has them (shared oz-api.md,
 * "Create: request body"): attachments, the harness, idle_timeout_minutes, session_sharing and
 * agent_identity_uid. Returns what is wrong, in the words of a 400's detail, or undefined.
 */
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
const HARNESSES = ['oz', 'claude', 'gemini', 'codex'];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function checkRunOptions(body: Json, config: Json): string | undefined {
  return checkAttachments(body.attachments) ?? checkConfig(config) ?? checkIdentity(body.agent_identity_uid);
}

function checkAttachments(attachments: unknown): string | undefined {
  if (attachments === undefined) return undefined;
  if (!Array.isArray(attachments)) return 'attachments must be an array.';
  if (attachments.length > 5) return 'At most 5 attachments.';
  for (const [i, a] of attachments.entries()) {
    if (!isObject(a) || typeof a.file_name !== 'string' || typeof a.mime_type !== 'string' || typeof a.data !== 'string') {
      return `attachments[${i}] needs file_name, mime_type and data.`;
    }
    if (!IMAGE_TYPES.includes(a.mime_type)) return `attachments[${i}].mime_type must be one of ${IMAGE_TYPES.join(', ')}.`;
    if (a.data === '' || !BASE64.test(a.data)) return `attachments[${i}].data must be base64.`;
  }
  return undefined;
}

function checkConfig(config: Json): string | undefined {
  const idle = config.idle_timeout_minutes;
  if (idle !== undefined && (!Number.isInteger(idle) || (idle as number) < 1 || (idle as number) > 60)) {
    return 'config.idle_timeout_minutes must be an integer from 1 to 60.';
  }
  const harness = config.harness;
  if (harness !== undefined) {
    if (!isObject(harness) || (harness.type !== undefined && !HARNESSES.includes(harness.type as string))) {
      return `config.harness.type must be one of ${HARNESSES.join(', ')}.`;
    }
    for (const key of ['model_id', 'reasoning_level']) {
      if (harness[key] !== undefined && typeof harness[key] !== 'string') return `config.harness.${key} must be a string.`;
    }
  }
  const secrets = config.harness_auth_secrets;
  if (secrets !== undefined) {
    const known = ['claude_auth_secret_name', 'codex_auth_secret_name'];
    if (!isObject(secrets) || Object.entries(secrets).some(([k, v]) => !known.includes(k) || typeof v !== 'string')) {
      return `config.harness_auth_secrets may hold only ${known.join(' and ')} (strings).`;
    }
  }
  const sharing = config.session_sharing;
  if (sharing !== undefined && (!isObject(sharing) || !['VIEWER', 'EDITOR'].includes(sharing.public_access as string))) {
    return 'config.session_sharing.public_access must be VIEWER or EDITOR.';
  }
  return undefined;
}

function checkIdentity(uid: unknown): string | undefined {
  return uid !== undefined && (typeof uid !== 'string' || uid === '') ? 'agent_identity_uid must be a non-empty string.' : undefined;
}
