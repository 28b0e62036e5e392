/**
 * JSON Schema validation with Ajv. Loaded on first use (`#json-schema`, see package.json imports and
 * scripts/build.ts): only steps with `output_schema` pay for it.
 */
import { Ajv } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';

/** A compiled schema: the problems of a value, as `path: message`; none when it is valid. */
export type Validate = (value: unknown) => string[];

/** Compiles `schema` for its draft (2020-12, 2019-09, else draft-07). Throws when it is not a valid schema. */
export function compileSchema(schema: Record<string, unknown>): Validate {
  const draft = typeof schema.$schema === 'string' ? schema.$schema : '';
  const options = { allErrors: true, strict: false };
  const ajv = draft.includes('2020-12') ? new Ajv2020(options) : draft.includes('2019-09') ? new Ajv2019(options) : new Ajv(options);
  const validate = ajv.compile(schema);
  return (value) =>
    validate(value)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath === '' ? '(the object)' : e.instancePath}: ${e.message ?? 'is not valid'}`);
}
