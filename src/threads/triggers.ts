import { messageOf } from '../errors.ts';
import type { EventInfo } from '../github/event.ts';
import { COMMENT_MARKER_PREFIX } from '../github/event.ts';

/** Who may start an agent from a comment or review, beyond people with write access. */
export interface TrustSettings {
  /** Logins allowed whatever their permission. */
  allowedUsers: string[];
  /** Bots allowed to trigger (bots never are otherwise). */
  allowedBots: string[];
}

export type TriggerDecision = { allowed: true } | { allowed: false; reason: string };

const TRUSTED_ROLES = ['admin', 'maintain', 'write'];

const sameLogin = (a: string, b: string) => a.replace(/\[bot\]$/i, '').toLowerCase() === b.replace(/\[bot\]$/i, '').toLowerCase();

/**
 * Whether this event may start an agent. Only comment and review events are checked: anyone can
 * comment on a public repository, and an agent acts with the repository's secrets. Fails closed: when
 * the permission cannot be looked up, the event is not trusted.
 */
export async function decideTrigger(
  event: EventInfo,
  trust: TrustSettings,
  permissionOf: ((login: string) => Promise<string>) | undefined,
): Promise<TriggerDecision> {
  if (!event.isComment) return { allowed: true };
  if (event.commentBody?.includes(COMMENT_MARKER_PREFIX)) {
    return { allowed: false, reason: 'the comment is one this action wrote' };
  }
  const actor = event.actor;
  if (!actor) return { allowed: false, reason: `the ${event.name} event names no author` };
  if (actor.isBot) {
    return trust.allowedBots.some((bot) => sameLogin(bot, actor.login))
      ? { allowed: true }
      : { allowed: false, reason: `${actor.login} is a bot, and bots start the agent only when listed in allowed_bots` };
  }
  // A person's login, compared whole: a listed 'x[bot]' must not let a person named 'x' in (bots were judged above).
  if (trust.allowedUsers.some((user) => user.toLowerCase() === actor.login.toLowerCase())) return { allowed: true };
  if (!permissionOf) {
    return { allowed: false, reason: `no github_token to check ${actor.login}'s permission, and they are not in allowed_users` };
  }
  let role: string;
  try {
    role = await permissionOf(actor.login);
  } catch (error) {
    return { allowed: false, reason: `${actor.login}'s permission could not be checked (${messageOf(error)})` };
  }
  return TRUSTED_ROLES.includes(role)
    ? { allowed: true }
    : {
        allowed: false,
        reason: `${actor.login} has ${role} permission; the agent starts only for people with write, maintain or admin access, or listed in allowed_users`,
      };
}
