/** One table of names (src/names.ts): equal to action.yml, the source of the CLI's flags, and absent from the core. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCli, USAGE } from '../src/cli/args.ts';
import { flagLabel } from '../src/cli/vocabulary.ts';
import { INPUTS, OUTPUTS, type SettingKey } from '../src/names.ts';

const ROOT = join(import.meta.dirname, '..');
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: object; outputs: object };
const keys = Object.keys(INPUTS) as SettingKey[];

describe('the names table', () => {
  it('has every input of action.yml, in its order, and no other', () => {
    expect(keys.map((key) => INPUTS[key].input)).toEqual(Object.keys(action.inputs));
  });

  it('has every output of action.yml, in its order, and no other', () => {
    expect(OUTPUTS.map((o) => o.output)).toEqual(Object.keys(action.outputs));
  });

  it('gives the CLI a flag for every input it takes, and the CLI knows each one and tells of it in --help', () => {
    for (const key of keys) {
      const { cli } = INPUTS[key];
      if (cli === 'none') continue;
      const flag = flagLabel(key);
      expect(USAGE, flag).toContain(flag);
      const argv = cli === 'boolean' ? [flag] : cli === 'repeated' ? [flag, 'k=v'] : [flag, 'x'];
      const args = parseCli(argv);
      // Repeated pairs come as checked metadata, not as text.
      if (cli === 'repeated') expect(args.metadata, flag).toEqual({ k: 'v' });
      else expect(args.source.read(key), flag).not.toBe('');
    }
  });

  it('gives the CLI no flag for an input of the action only', () => {
    for (const key of keys.filter((k) => INPUTS[k].cli === 'none')) {
      expect(() => parseCli([`--${INPUTS[key].input.replaceAll('_', '-')}`, 'x']), key).toThrow(/Unknown (option|flag)/);
    }
  });
});

/** Every .ts file under a folder of src/. */
function sources(folder: string): string[] {
  const dir = join(ROOT, 'src', folder);
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(join(folder, name)) : name.endsWith('.ts') ? [path] : [];
  });
}

describe('the core speaks no action input', () => {
  // These input names are also fields of the API's own requests and answers (see the Oz API spec).
  const API_FIELDS = new Set(['run_id', 'conversation_id', 'base_prompt', 'reasoning_level', 'idle_timeout_minutes', 'session_sharing']);
  // Single words (prompt, title, wait...) are ordinary words and API fields too; the distinctive names are checked.
  const names = keys.map((key) => INPUTS[key].input).filter((name) => name.includes('_') && !API_FIELDS.has(name));

  it.each(['oz', 'run', 'report'])('src/%s names no action input, in code or in comments', (folder) => {
    const found: string[] = [];
    for (const file of sources(folder)) {
      const text = readFileSync(file, 'utf8');
      for (const name of names) if (new RegExp(`\\b${name}\\b`).test(text)) found.push(`${file.slice(ROOT.length + 1)}: ${name}`);
    }
    expect(found).toEqual([]);
  });
});
