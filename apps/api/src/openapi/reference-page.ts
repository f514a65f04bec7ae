import type { oas31 } from 'zod-openapi';

/**
 * The human-readable API reference, rendered on the server from the OpenAPI document: one HTML page
 * with no script and no CDN, so it works offline and prints. Every operation with its roles,
 * parameters, body and answers; every schema with its properties, linked where referenced.
 */

type Schema = oas31.SchemaObject | oas31.ReferenceObject;

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

function isRef(schema: unknown): schema is oas31.ReferenceObject {
  return typeof schema === 'object' && schema !== null && '$ref' in schema;
}

/** A schema in one line: `string (decimal)`, `array of Objection`, `"draft" | "published"`. */
function typeOf(schema: Schema | undefined): string {
  if (schema === undefined) return 'any';
  if (isRef(schema))
    return `<a href="#schema-${escape(refName(schema.$ref))}">${escape(refName(schema.$ref))}</a>`;
  if (schema.enum !== undefined)
    return schema.enum.map((value) => `<code>${escape(JSON.stringify(value))}</code>`).join(' | ');
  if (schema.const !== undefined) return `<code>${escape(JSON.stringify(schema.const))}</code>`;
  const union = schema.anyOf ?? schema.oneOf;
  if (union !== undefined) return union.map((part) => typeOf(part)).join(' | ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  const parts = types.map((type) => {
    if (type === 'array') return `array of ${typeOf(schema.items)}`;
    if (
      type === 'object' &&
      schema.additionalProperties !== undefined &&
      typeof schema.additionalProperties === 'object'
    ) {
      return `map of ${typeOf(schema.additionalProperties)}`;
    }
    return escape(schema.format === undefined ? type : `${type} (${schema.format})`);
  });
  return parts.length === 0 ? 'any' : parts.join(' | ');
}

function propertiesTable(schema: Schema | undefined): string {
  if (schema === undefined || isRef(schema) || schema.properties === undefined) return '';
  const required = new Set(schema.required ?? []);
  const rows = Object.entries(schema.properties).map(([name, property]) => {
    const description = isRef(property) ? '' : (property.description ?? '');
    return `<tr><td><code>${escape(name)}</code>${required.has(name) ? ' <span class="req">required</span>' : ''}</td><td>${typeOf(property)}</td><td>${escape(description)}</td></tr>`;
  });
  return `<table><thead><tr><th>field</th><th>type</th><th>description</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function parametersTable(parameters: readonly (oas31.ParameterObject | oas31.ReferenceObject)[]): string {
  const rows = parameters
    .filter((parameter): parameter is oas31.ParameterObject => !isRef(parameter))
    .map(
      (parameter) =>
        `<tr><td><code>${escape(parameter.name)}</code>${parameter.required === true ? ' <span class="req">required</span>' : ''}</td><td>${escape(parameter.in)}</td><td>${typeOf(parameter.schema)}</td><td>${escape(parameter.description ?? (isRef(parameter.schema) ? '' : (parameter.schema?.description ?? '')))}</td></tr>`,
    );
  if (rows.length === 0) return '';
  return `<h4>Parameters</h4><table><thead><tr><th>name</th><th>in</th><th>type</th><th>description</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function content(media: oas31.ContentObject | undefined): string {
  if (media === undefined) return '';
  return Object.entries(media)
    .map(
      ([type, entry]) =>
        `<p><code>${escape(type)}</code>: ${typeOf(entry.schema)}</p>${propertiesTable(entry.schema)}`,
    )
    .join('');
}

function operationSection(path: string, method: string, op: oas31.OperationObject): string {
  const roles = (op['x-roles'] as readonly string[] | undefined) ?? [];
  const departments = (op['x-departments'] as readonly string[] | undefined) ?? [];
  const named = (role: string) =>
    role === 'department' && departments.length > 0 ? `department: ${departments.join(', ')}` : role;
  const badge =
    roles.length === 0
      ? '<span class="role">public</span>'
      : roles.map((role) => `<span class="role">${escape(named(role))}</span>`).join(' ');
  const body =
    op.requestBody !== undefined && !isRef(op.requestBody)
      ? `<h4>Request body</h4>${content(op.requestBody.content)}`
      : '';
  const responses = Object.entries(op.responses ?? {}) as [
    string,
    oas31.ResponseObject | oas31.ReferenceObject,
  ][];
  const answers = responses
    .map(([status, response]) => {
      if (isRef(response)) return '';
      const cls = status.startsWith('2') || status.startsWith('3') ? 'ok' : 'err';
      const media: oas31.ContentObject = response.content ?? {};
      const schemas = Object.entries(media)
        .map(([type, entry]) => `<code>${escape(type)}</code> ${typeOf(entry.schema)}`)
        .join('<br>');
      return `<tr><td class="${cls}">${escape(status)}</td><td>${escape(response.description)}</td><td>${schemas}</td></tr>`;
    })
    .join('');
  return `<section id="${escape(op.operationId ?? '')}">
<h3><span class="method ${escape(method)}">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code></h3>
<p class="summary">${escape(op.summary ?? '')} ${badge}</p>
${(op.description ?? '')
  .split('\n\n')
  .map((paragraph) => `<p>${escape(paragraph)}</p>`)
  .join('')}
${parametersTable(op.parameters ?? [])}${body}
<h4>Responses</h4><table><thead><tr><th>status</th><th>meaning</th><th>body</th></tr></thead><tbody>${answers}</tbody></table>
</section>`;
}

export function referencePage(document: oas31.OpenAPIObject): string {
  const byTag = new Map<string, string[]>();
  const toc = new Map<string, string[]>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const op = item[method];
      if (op === undefined) continue;
      const tag = op.tags?.[0] ?? 'Other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationSection(path, method, op)]);
      toc.set(tag, [
        ...(toc.get(tag) ?? []),
        `<li><a href="#${escape(op.operationId ?? '')}"><code>${escape(method.toUpperCase())} ${escape(path)}</code></a> ${escape(op.summary ?? '')}</li>`,
      ]);
    }
  }
  const schemas = Object.entries(document.components?.schemas ?? {})
    .map(
      ([name, schema]) =>
        `<section id="schema-${escape(name)}"><h3>${escape(name)}</h3><p>${typeOf(schema)} ${escape(isRef(schema) ? '' : (schema.description ?? ''))}</p>${propertiesTable(schema)}</section>`,
    )
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(document.info.title)} ${escape(document.info.version)} — API reference</title>
<style>
body{font:15px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.method{font-weight:700;padding:0 .3rem;border-radius:3px;color:#fff}.get{background:#2f6f3e}.post{background:#1f5fa8}.put{background:#8a5a00}
.role{display:inline-block;background:#eee;border-radius:3px;padding:0 .35rem;font-size:.85em}.req{color:#a00;font-size:.8em}.ok{color:#2f6f3e}.err{color:#a00}
section{border-top:1px solid #ddd;margin-top:1.5rem}
</style></head><body>
<h1>${escape(document.info.title)} <small>${escape(document.info.version)}</small></h1>
<p>${escape(document.info.description ?? '')}</p>
<p>The machine-readable document is at <a href="/openapi.json"><code>/openapi.json</code></a> (OpenAPI 3.1).</p>
<h2>Contents</h2>
${[...toc].map(([tag, items]) => `<h3>${escape(tag)}</h3><ul>${items.join('')}</ul>`).join('')}
<ul><li><a href="#schemas">Schemas</a></li></ul>
${[...byTag].map(([tag, sections]) => `<h2>${escape(tag)}</h2>${sections.join('')}`).join('')}
<h2 id="schemas">Schemas</h2>
${schemas}
</body></html>
`;
}
