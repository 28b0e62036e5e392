/**
 * The simulator's catalogue (the Oz API spec): `GET /agent/models`,
 * `GET /agent/environments` and `GET /agent` (skills), with fixed lists the tests know.
 */
export const SIM_MODELS = {
  default_model_id: 'auto',
  models: [
    { id: 'auto', display_name: 'Auto', provider: 'UNKNOWN', vision_supported: true },
    { id: 'claude-4-sonnet', display_name: 'Claude 4 Sonnet', provider: 'ANTHROPIC', vision_supported: true },
    { id: 'gpt-5', display_name: 'GPT-5', provider: 'OPENAI', vision_supported: true, reasoning_level: 'medium' },
    { id: 'gemini-2.5-pro', display_name: 'Gemini 2.5 Pro', provider: 'GOOGLE', vision_supported: true, disable_reason: 'PROVIDER_OUTAGE' },
  ],
};

const environment = (uid: string, name: string, setupFailed: boolean) => ({
  uid,
  config: { name, docker_image: 'node:24', github_repos: [{ owner: 'acme', repo: 'widgets' }], setup_commands: ['npm ci'] },
  last_updated: '2026-11-20T10:00:00Z',
  setup_failed: setupFailed,
});

export const SIM_ENVIRONMENTS = {
  environments: [environment('env-web', 'web', false), environment('env-broken', 'broken', true)],
};

/** Skills by repository: acme/widgets has one, every other repository none. */
export function simSkills(repo: string | null): { agents: unknown[] } {
  if (repo !== null && repo !== 'acme/widgets') return { agents: [] };
  return {
    agents: [
      {
        name: 'review-pr',
        variants: [
          {
            id: 'acme/widgets:.agents/skills/review-pr/SKILL.md',
            description: 'Review a pull request',
            base_prompt: 'Review the pull request.',
            environments: [{ name: 'web', uid: 'env-web' }],
            source: { name: 'widgets', owner: 'acme' },
          },
        ],
      },
    ],
  };
}
