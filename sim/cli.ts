/**
 * `npm run simulator`: the Oz API simulator on 127.0.0.1:$PORT (default: a free port). Prints its base
 * URL, logs each request, and stops cleanly on SIGINT or SIGTERM. SIM_MS_PER_SECOND speeds the clock up.
 */
import { OzSimulator } from './server.ts';

const sim = new OzSimulator({
  port: Number(process.env.PORT ?? 0),
  msPerSecond: Number(process.env.SIM_MS_PER_SECOND ?? 1000),
  log: (line) => console.log(`[sim] ${line}`),
});
const url = await sim.start();
console.log(`Oz API simulator listening at ${url}`);
console.log(
  "Any key starting with wk- is accepted. Choose a run's outcome with metadata sim_outcome=succeeded|failed|error|blocked|never|unknown-state;" +
    " its answer with sim_answer and sim_answer_json (needed for output_schema), its files with sim_files, sim_screenshots and sim_file_path (docs/architecture.md: The simulator's knobs).",
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`[sim] ${signal}: stopping`);
    void sim.stop().then(() => process.exit(0));
  });
}
