import { afterAll, beforeAll, beforeEach } from 'vitest';
import { OzSimulator } from '../../sim/server.ts';

/**
 * The Oz API simulator for a test file: started before its tests (its base URL is `sim.url`), its runs,
 * requests and faults forgotten before each test, stopped after them. 20 ms per simulated second by
 * default: a run takes 15 simulated seconds, 300 ms here.
 */
export function useSimulator(msPerSecond = 20): OzSimulator {
  const sim = new OzSimulator({ msPerSecond });
  beforeAll(async () => {
    await sim.start();
  });
  afterAll(() => sim.stop());
  beforeEach(() => sim.reset());
  return sim;
}
