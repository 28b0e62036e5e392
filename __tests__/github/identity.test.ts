/**
 * The token's own login, which tells the step's comments and reviews from anyone else's: against the
 * GitHub double, for each kind of token a workflow gives the action.
 */
import { describe, expect, it } from 'vitest';
import { useGitHubApi, useGitHubDouble } from '../helpers/github-double.ts';

const github = useGitHubDouble();
const createGitHubApi = useGitHubApi(github);

const asked = () => github.requests.map((r) => `${r.method} ${r.path}`);

describe("the token's identity", () => {
  it.each([
    ["the job's GITHUB_TOKEN", 'github-actions[bot]', ['GET /user', 'POST /graphql']],
    ["a GitHub App's installation token", 'oz-helper[bot]', ['GET /user', 'POST /graphql']],
    ["a person's token", 'octocat', ['GET /user']],
  ])('is what %s writes as', async (_kind, login, requests) => {
    github.tokenUser = login;
    const api = createGitHubApi();
    expect(await api.identity()).toBe(login);
    expect(asked()).toEqual(requests);
  });

  it('is looked up once per token, across the step’s bounded views of the API', async () => {
    github.tokenUser = 'oz-helper[bot]';
    const api = createGitHubApi();
    await api.identity();
    await api.within(new AbortController().signal).identity();
    expect(asked()).toEqual(['GET /user', 'POST /graphql']);
  });

  it('is not guessed when the look-up fails otherwise: the caller learns it does not know', async () => {
    github.silent.push({ method: 'GET', path: '/user' });
    const stop = new AbortController();
    const looking = createGitHubApi().within(stop.signal).identity();
    await github.waitFor(() => github.waiting === 1);
    stop.abort();
    await expect(looking).rejects.toMatchObject({ name: 'GitHubApiError', unanswered: 'stopped' });
    expect(asked()).toEqual(['GET /user']);
  });
});
