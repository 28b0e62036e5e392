import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../sim/runner.ts';
import type { OzSimulator } from '../../sim/server.ts';

/** The committed CLI bundle, as `npx` or `node dist/cli/index.js` runs it. */
export const CLI = join(ROOT, 'dist', 'cli', 'index.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs dist/cli/index.js against the simulator with only the environment given (plus PATH and a key), like
 * a CI job would, in `cwd` (default the repository).
 */
export function runCliBundle(sim: OzSimulator, args: string[], env: Record<string, string> = {}, cwd = ROOT): Promise<CliResult> {
  return new Promise<CliResult>((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', WARP_API_KEY: 'wk-cli-e2e-key', OZ_API_BASE_URL: sim.url, ...env },
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
