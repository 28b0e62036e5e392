/**
 * JSON Schema validation with Ajv. Imported on first use (primitives.ts), so the bundle has it in a
 * chunk of its own: only runs with an output schema pay for it.
 */
import { Ajv, type ErrorObject } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';

/** A compiled schema: the problems of a value, as `path: message`; none when it is valid. */
export type Validate = (value: unknown) => string[];

/** Compiles `schema` for its draft (2020-12, 2019-09, else draft-07). Throws, saying where and why, when it is not a valid schema. */
export function compileSchema(schema: Record<string, unknown>): Validate {
  const draft = typeof schema.$schema === 'string' ? schema.$schema : '';
  const options = { allErrors: true, strict: false };
  const ajv = draft.includes('2020-12') ? new Ajv2020(options) : draft.includes('2019-09') ? new Ajv2019(options) : new Ajv(options);
  // Checked against the meta-schema first: Ajv's own text for a bad schema ("data/type must be array,
  // data/type must match a schema in anyOf") shows neither the value nor what would be right.
  if (ajv.validateSchema(schema) === false) throw new Error(describeSchemaErrors(schema, ajv.errors ?? []));
  const validate = ajv.compile(schema);
  return (value) =>
    validate(value)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath === '' ? '(the object)' : e.instancePath}: ${e.message ?? 'is not valid'}`);
}

/** `/properties/a/type` of `schema`, or undefined. */
function at(schema: unknown, pointer: string): unknown {
  let value = schema;
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

/**
 * One sentence per place in the schema that is wrong: the place, the value found there, and what it
 * must be (`/type is "objekt"; it must be one of array, boolean, ...`). The first error of a place is
 * the most specific one; the others there (`anyOf`) only repeat it.
 */
function describeSchemaErrors(schema: Record<string, unknown>, errors: ErrorObject[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const error of errors) {
    if (seen.has(error.instancePath)) continue;
    seen.add(error.instancePath);
    const where = error.instancePath === '' ? 'the schema' : error.instancePath;
    const found = JSON.stringify(at(schema, error.instancePath)) ?? 'nothing';
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
    const must = error.keyword === 'enum' && allowed ? `must be one of ${allowed.join(', ')}` : (error.message ?? 'is not valid');
    parts.push(`${where} is ${found.length > 60 ? `${found.slice(0, 57)}...` : found}; it ${must}`);
  }
  return parts.join('; ');
}
