/**
 * The developer commands a newcomer runs first: the CLI installed from its package as npx does it,
 * `npm run simulator` stopped by its PID, and `npm run pictures` on a machine without Chromium.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../sim/runner.ts';

/** Whether something accepts connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('tooling', () => {
  it('installs and runs the CLI from its package with npx, offline: it needs nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oz-npx-'));
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' })) as {
      filename: string;
    }[];
    const version = execFileSync(
      'npm',
      [
        'exec',
        '--offline',
        '--yes',
        '--cache',
        join(dir, 'cache'),
        `--package=${join(dir, packed!.filename)}`,
        '--',
        'oz-agent-run',
        '--version',
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(version.trim()).toBe('1.0.0');
  }, 60_000);

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'stops npm run simulator and frees its port on %s to its PID',
    async (signal) => {
      const child = spawn('npm', ['run', 'simulator'], {
        cwd: ROOT,
        env: { ...process.env, PORT: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const port = await new Promise<number>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening at http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
          if (match) resolve(Number(match[1]));
        });
        child.once('close', () => reject(new Error(`the simulator ended before listening: ${out}`)));
      });
      expect(await listening(port)).toBe(true);
      const closed = new Promise((resolve) => child.once('close', resolve));
      child.kill(signal);
      await closed;
      // The simulator, not only npm, got the signal: nothing holds the port any more.
      const deadline = Date.now() + 5000;
      while ((await listening(port)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await listening(port)).toBe(false);
    },
    30_000,
  );

  it('says which Debian packages npm run pictures needs when Chromium is missing, without a stack', () => {
    let stderr = '';
    let status: number | null = 0;
    try {
      // Node alone on the PATH: no chromium there.
      execFileSync(process.execPath, [join(ROOT, 'scripts', 'pictures.ts')], {
        cwd: ROOT,
        env: { PATH: dirname(process.execPath) },
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      ({ stderr, status } = error as { stderr: string; status: number });
    }
    expect(status).toBe(1);
    expect(stderr).toMatch(
      /^npm run pictures needs the Debian packages chromium and fonts-noto-color-emoji; missing: chromium(, fonts-noto-color-emoji)?\. Install them with: sudo apt-get install chromium fonts-noto-color-emoji\n$/,
    );
  });
});
