/**
 * The simulator's checks of the newer create fields, as the Oz API spec has them: attachments, the harness, idle_timeout_minutes, session_sharing,
 * config.secrets and agent_identity_uid. Returns what is wrong, in the words of a 400's detail, or
 * undefined. And the team header (`teamProblem`).
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
  if (idle !== undefined && (!Number.isInteger(idle) || (idle as number) < 0 || (idle as number) > 60)) {
    return 'config.idle_timeout_minutes must be an integer from 0 to 60.';
  }
  const allowed = checkSecrets(config.secrets);
  if (allowed) return allowed;
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

/** The name rule of a Warp-managed secret, as this project applies it (also to harness_secret). */
export const SECRET_NAME = /^[A-Za-z0-9._-]{1,128}$/;

/** `config.secrets`: the run's own allowlist of managed secrets, `[{ name }]`, each named once. */
function checkSecrets(secrets: unknown): string | undefined {
  if (secrets === undefined) return undefined;
  if (!Array.isArray(secrets)) return 'config.secrets must be an array of { name }.';
  const seen = new Set<string>();
  for (const [i, secret] of secrets.entries()) {
    if (!isObject(secret) || typeof secret.name !== 'string' || !SECRET_NAME.test(secret.name)) {
      return `config.secrets[${i}].name must be a secret name (letters, digits, ".", "_" and "-", at most 128).`;
    }
    if (seen.has(secret.name)) return `config.secrets[${i}].name ${secret.name} is listed twice.`;
    seen.add(secret.name);
  }
  return undefined;
}

/** The teams the simulator knows; a key whose secret starts with `wk-multi` belongs to several of them. */
export const SIM_TEAMS = ['team-acme', 'team-tools'];

/** The routes that take X-Warp-Team-Uid (create, list runs, environments, skills, egress ranges). */
export function takesTeam(method: string, path: string): boolean {
  if (method === 'POST') return path === '/agent/runs' || path === '/agent/run';
  return ['/agent/runs', '/agent/environments', '/agent', '/networking/egress-ranges'].includes(path);
}

/**
 * What the API refuses of the team header on a route that takes it: a team the key is not on (403),
 * an empty value (400), or none from a personal key on several teams (400). Other routes ignore it.
 */
export function teamProblem(method: string, path: string, header: string | string[] | undefined, auth: string) {
  if (!takesTeam(method, path)) return undefined;
  const team = Array.isArray(header) ? header[0] : header;
  if (team === undefined) {
    return auth.startsWith('Bearer wk-multi')
      ? { status: 400, detail: 'This key belongs to several teams: name one with the X-Warp-Team-Uid header.' }
      : undefined;
  }
  if (team.trim() === '') return { status: 400, detail: 'X-Warp-Team-Uid must not be empty.' };
  if (!SIM_TEAMS.includes(team)) return { status: 403, detail: `This key is not on team ${team}.` };
  return undefined;
}
