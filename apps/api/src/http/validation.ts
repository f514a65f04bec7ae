import type { z } from 'zod';
import { HttpProblem } from './problem.js';

/** zod's issues as problem `errors`, each with a JSON Pointer into the part of the request it names. */
export function validationProblem(error: z.ZodError, prefix: string, title = 'Invalid request'): HttpProblem {
  const errors = error.issues.map((issue) => ({
    pointer: `${prefix}${issue.path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')}`,
    detail: issue.message,
  }));
  return new HttpProblem(
    400,
    'validation',
    title,
    errors.map((e) => `${e.pointer}: ${e.detail}`).join('; '),
    {
      errors,
    },
  );
}

export function parsePart<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationProblem(parsed.error, prefix);
  return parsed.data;
}

/** A multipart text field that carries JSON (the objection): malformed JSON is a 400 naming the field. */
export function parseJsonField<S extends z.ZodType>(schema: S, text: string, field: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'invalid JSON';
    throw new HttpProblem(
      400,
      'malformed-json',
      'Malformed JSON',
      `the ${field} field is not valid JSON: ${reason}`,
      {
        errors: [{ pointer: `#/${field}`, detail: reason }],
      },
    );
  }
  return parsePart(schema, value, `#/${field}`);
}
