/**
 * Mistakes caught before the run, in the action's words: the committed dist/main/ (and post) as the
 * runner runs them, against the simulator.
 */
import { describe, expect, it } from 'vitest';
import { useSimulator } from './helpers/simulator.ts';
import { runMainAndPost, runStep } from '../sim/runner.ts';

const sim = useSimulator();

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    warp_api_key: 'wk-e2e-key',
    api_base_url: sim.url,
    poll_interval_seconds: '0.05',
    max_poll_interval_seconds: '0.2',
    ...extra,
  };
}

describe('the action catches mistakes before the run', () => {
  it('says a run_id that does not exist was not found, and neither step cancels or warns about it', async () => {
    const { main, post } = await runMainAndPost({ inputs: inputs({ run_id: 'does-not-exist' }) });
    expect(main.code).toBe(1);
    expect(main.log).toContain("::error::Oz run 'does-not-exist' was not found: check run_id");
    expect(main.log + post.log).not.toMatch(/Cancelled Oz run|cancel Oz run|keep running/);
    expect(post.code).toBe(0);
    expect(sim.apiRequests('POST')).toHaveLength(0);
    expect(main.outputs.run_id).toBe('');
  });

  it('heads the summary of an input error "not started", with what to do', async () => {
    const main = await runStep({ inputs: inputs({ prompt: 'p', mode: 'fast' }) });
    expect(main.code).toBe(1);
    expect(main.log).toContain("::error::Invalid mode 'fast'. Expected one of normal, plan or orchestrate.");
    expect(main.summary).toContain('## ⛔ Oz agent run not started');
    expect(main.summary).not.toContain('could not be followed');
    expect(main.summary).toContain('Nothing was sent to Oz.');
    expect(sim.requests).toHaveLength(0);
  });

  it('tells that trigger_phrase does not apply to a push, and runs the prompt', async () => {
    const main = await runStep({
      inputs: inputs({ prompt: 'Tidy up', trigger_phrase: '@oz', pr_comment: 'false' }),
      env: { GITHUB_EVENT_NAME: 'push' },
    });
    expect(main.code).toBe(0);
    expect(main.log).toContain(
      "::notice::trigger_phrase '@oz' applies only to issue_comment, pull_request_review_comment, pull_request_review, issues events, and this is a push event: the phrase is not looked for, and the step runs as if it were not set.",
    );
    expect(sim.apiRequests('POST', '/agent/runs')).toHaveLength(1);
  });

  it('warns about allowed_bots written without [bot], naming the form GitHub uses', async () => {
    const main = await runStep({ inputs: inputs({ prompt: 'p', allowed_bots: 'renovate, dependabot[bot]' }) });
    expect(main.code).toBe(0);
    expect(main.log).toContain(
      "::warning::allowed_bots 'renovate' has no [bot] suffix; it is read as 'renovate[bot]'. Expected bot logins as GitHub writes them, such as renovate[bot] (people belong in allowed_users).",
    );
    expect(main.log).not.toContain("allowed_bots 'dependabot[bot]'");
  });

  it('says why a prompt_file cannot be read, and where a relative path led', async () => {
    const main = await runStep({ inputs: inputs({ prompt_file: 'prompts/missing.md' }) });
    expect(main.code).toBe(1);
    expect(main.log).toMatch(
      /::error::Invalid prompt_file 'prompts\/missing\.md': there is no file at '(\/[^']+)\/prompts\/missing\.md' \(a relative path is taken from the workspace, '\1'\)\. Expected the path of a readable file, relative to the workspace or absolute\./,
    );
    expect(sim.requests).toHaveLength(0);
  });
});
