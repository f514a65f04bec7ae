import type { z } from 'zod';
import { zhCN } from 'zod/locales';
import { HttpProblem } from './problem.js';

/** zod's own messages in Chinese (the schemas' custom messages stay as written). */
// typescript-eslint's project service does not resolve zod's `locales` subpath types (tsc does).
// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access
const CHINESE: { readonly error: z.core.$ZodErrorMap } = { error: zhCN().localeError };

/** zod's issues as problem `errors`, each with a JSON Pointer into the part of the request it names. */
export function validationProblem(error: z.ZodError, prefix: string, title = '请求内容有误'): HttpProblem {
  const errors = error.issues.map((issue) => ({
    pointer: `${prefix}${issue.path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')}`,
    detail: issue.message,
  }));
  return new HttpProblem(
    400,
    'validation',
    title,
    `请求内容有 ${errors.length} 处不符合要求：${errors.map((e) => `${e.pointer}: ${e.detail}`).join('；')}`,
    {
      errors,
    },
  );
}

export function parsePart<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.output<S> {
  const parsed = schema.safeParse(value, CHINESE);
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
      'JSON 格式错误',
      `字段 ${field} 不是有效的 JSON (the ${field} field is not valid JSON: ${reason})`,
      {
        errors: [{ pointer: `#/${field}`, detail: reason }],
      },
    );
  }
  return parsePart(schema, value, `#/${field}`);
}
