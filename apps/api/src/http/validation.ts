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

/** Where in `value` (a JSON Pointer below `prefix`) the first text with a NUL character is, if any. */
function nulAt(value: unknown, pointer: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? pointer : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const at = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (key.includes('\u0000')) return at;
    const found = nulAt(inner, at);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A part of a request, validated by its schema. Text with a NUL character (U+0000) is refused too,
 * whatever the schema: no person types one, and PostgreSQL cannot hold one in TEXT (SQLite can), so
 * without this an id of `%00` was a 404 on one engine and a 500 on the other.
 */
export function parsePart<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.output<S> {
  const parsed = schema.safeParse(value, CHINESE);
  if (!parsed.success) throw validationProblem(parsed.error, prefix);
  const pointer = nulAt(parsed.data, prefix);
  if (pointer !== undefined) {
    const detail = '文本中不能含有空字符 U+0000 (text must not contain a NUL character)';
    throw new HttpProblem(
      400,
      'validation',
      '请求内容有误',
      `请求内容有 1 处不符合要求：${pointer}: ${detail}`,
      {
        errors: [{ pointer, detail }],
      },
    );
  }
  return parsed.data;
}

/** How deep a request's JSON may nest: the deepest document any route takes is 4 levels. */
export const MAX_JSON_DEPTH = 64;

/**
 * Refuses JSON nested deeper than MAX_JSON_DEPTH before it is parsed: a megabyte of `[[[[…` parses
 * into half a million nested arrays, and every recursive walk after (validation, serialisation) is
 * one stack frame per level. A linear scan of brackets outside strings.
 */
export function refuseDeepJson(text: string, pointer: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) {
        const detail = `JSON 嵌套超过 ${MAX_JSON_DEPTH} 层的上限 (JSON nested deeper than ${MAX_JSON_DEPTH} levels)`;
        throw new HttpProblem(400, 'malformed-json', 'JSON 嵌套过深', detail, {
          errors: [{ pointer, detail }],
        });
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

/** A multipart text field that carries JSON (the objection): malformed JSON is a 400 naming the field. */
export function parseJsonField<S extends z.ZodType>(schema: S, text: string, field: string): z.output<S> {
  refuseDeepJson(text, `#/${field}`);
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
