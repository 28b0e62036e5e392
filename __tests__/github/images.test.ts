import { describe, expect, it } from 'vitest';
import { imageUrls } from '../../src/github/images.ts';
import { closest, repoOfSkill } from '../../src/run/preflight.ts';

describe('imageUrls', () => {
  it("finds GitHub's user-attachment links, once each, and nothing on other hosts", () => {
    const body = [
      '![shot](https://github.com/user-attachments/assets/0a1b-2c3d)',
      '<img src="https://github.com/user-attachments/assets/0a1b-2c3d">',
      'https://user-images.githubusercontent.com/1/abc.png',
      'https://evil.example/user-attachments/assets/xyz',
      'https://github.com.evil.example/user-attachments/assets/xyz',
    ].join('\n');
    expect(imageUrls(body, 'https://github.com')).toEqual([
      'https://github.com/user-attachments/assets/0a1b-2c3d',
      'https://user-images.githubusercontent.com/1/abc.png',
    ]);
  });

  it('follows a GitHub Enterprise Server host', () => {
    expect(imageUrls('see https://ghe.acme.io/user-attachments/assets/9f', 'https://ghe.acme.io')).toEqual([
      'https://ghe.acme.io/user-attachments/assets/9f',
    ]);
  });
});

describe('pre-flight helpers', () => {
  it('suggests the closest id only when it is near', () => {
    expect(closest('gpt5', ['auto', 'gpt-5', 'claude-4-sonnet'])).toBe('gpt-5');
    expect(closest('Claude-4-Sonet', ['auto', 'gpt-5', 'claude-4-sonnet'])).toBe('claude-4-sonnet');
    expect(closest('mistral-large', ['auto', 'gpt-5'])).toBeUndefined();
  });

  it('reads the repository of an owner/repo skill only', () => {
    expect(repoOfSkill('acme/widgets:review-pr')).toBe('acme/widgets');
    expect(repoOfSkill('acme/widgets:.agents/skills/x/SKILL.md')).toBe('acme/widgets');
    expect(repoOfSkill('widgets:review-pr')).toBeUndefined();
    expect(repoOfSkill('review-pr')).toBeUndefined();
  });
});
