/** The simulator refuses the newer create fields as the API's spec does, so the end-to-end tests mean something. */
import { describe, expect, it } from 'vitest';
import { useSimulator } from './helpers/simulator.ts';

const sim = useSimulator();

async function create(body: Record<string, unknown>): Promise<{ status: number; detail?: string }> {
  const response = await fetch(`${sim.url}/agent/runs`, {
    method: 'POST',
    headers: { Authorization: 'Bearer wk-sim', 'Content-Type': 'application/json' },
    body: JSON.stringify({ prompt: 'p', ...body }),
  });
  const answer = (await response.json()) as { detail?: string };
  return { status: response.status, ...(answer.detail !== undefined && { detail: answer.detail }) };
}

const image = { file_name: 'a.png', mime_type: 'image/png', data: 'iVBORw0KGgo=' };

describe('simulator: newer create fields', () => {
  it('accepts valid options', async () => {
    const answer = await create({
      attachments: [image],
      agent_identity_uid: 'id-1',
      config: {
        harness: { type: 'codex', model_id: 'gpt-5', reasoning_level: 'high' },
        harness_auth_secrets: { codex_auth_secret_name: 'K' },
        idle_timeout_minutes: 60,
        session_sharing: { public_access: 'EDITOR' },
        secrets: [{ name: 'DB_PASSWORD' }, { name: 'sentry.token' }],
      },
    });
    expect(answer.status).toBe(200);
  });

  it('takes idle_timeout_minutes 0 (shut the environment down at once) and an empty secrets list', async () => {
    expect((await create({ config: { idle_timeout_minutes: 0, secrets: [] } })).status).toBe(200);
  });

  it.each([
    [{ attachments: Array(6).fill(image) }, 'At most 5 attachments.'],
    [{ attachments: [{ ...image, mime_type: 'image/bmp' }] }, 'attachments[0].mime_type must be one of'],
    [{ attachments: [{ ...image, data: 'not base64!' }] }, 'attachments[0].data must be base64.'],
    [{ config: { idle_timeout_minutes: -1 } }, 'config.idle_timeout_minutes must be an integer from 0 to 60.'],
    [{ config: { idle_timeout_minutes: 61 } }, 'config.idle_timeout_minutes must be an integer from 0 to 60.'],
    [{ config: { secrets: 'DB_PASSWORD' } }, 'config.secrets must be an array of { name }.'],
    [{ config: { secrets: [{ name: '' }] } }, 'config.secrets[0].name must be a secret name'],
    [{ config: { secrets: [{ name: 'has space' }] } }, 'config.secrets[0].name must be a secret name'],
    [{ config: { secrets: [{ name: 'A' }, { name: 'A' }] } }, 'config.secrets[1].name A is listed twice.'],
    [{ config: { harness: { type: 'copilot' } } }, 'config.harness.type must be one of'],
    [{ config: { harness_auth_secrets: { gemini_auth_secret_name: 'K' } } }, 'config.harness_auth_secrets may hold only'],
    [{ config: { session_sharing: { public_access: 'viewer' } } }, 'config.session_sharing.public_access must be VIEWER or EDITOR.'],
    [{ agent_identity_uid: '' }, 'agent_identity_uid must be a non-empty string.'],
  ])('refuses %o with 400', async (body, detail) => {
    const answer = await create(body);
    expect(answer.status).toBe(400);
    expect(answer.detail).toContain(detail);
  });
});
