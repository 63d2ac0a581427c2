import { existsSync, readFileSync } from 'node:fs';
import type express from 'express';
import { parse } from 'yaml';
import { asyncApiFile } from './asyncapi-file';

type JsonObject = Record<string, unknown>;

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);
const escape = (text: unknown) =>
  asText(text).replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

const typeOf = (schema: JsonObject): string => {
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((value) => JSON.stringify(value)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const type = Array.isArray(schema.type) ? (schema.type as string[]).join(' | ') : ((schema.type as string | undefined) ?? 'any');
  if (type === 'array' && schema.items) return `array of ${typeOf(schema.items as JsonObject)}`;
  return schema.format ? `${type} (${asText(schema.format)})` : type;
};

/** The catalogue for people: every topic, its owner and readers, and each event's fields, from schemas/asyncapi.yaml. */
export function cataloguePage(document: JsonObject): string {
  const channels = document.channels as Record<
    string,
    { address: string; description: string; messages: Record<string, { $ref: string }> }
  >;
  const components = document.components as { messages: Record<string, JsonObject>; schemas: Record<string, JsonObject> };
  const sections = Object.values(channels)
    .filter((channel) => !channel.address.endsWith('.dlq'))
    .map((channel) => {
      const events = Object.values(channel.messages).map(({ $ref }) => {
        const id = $ref.split('/').at(-1)!;
        const message = components.messages[id]!;
        const schema = components.schemas[id] ?? {};
        const required = new Set((schema.required ?? []) as string[]);
        const rows = Object.entries((schema.properties ?? {}) as Record<string, JsonObject>)
          .map(
            ([name, field]) =>
              `<tr><td><code>${escape(name)}</code>${required.has(name) ? '' : ' <small>(optional)</small>'}</td><td>${escape(typeOf(field))}</td><td>${escape(field.description)}</td></tr>`,
          )
          .join('');
        return `<h3><code>${escape(message.name)}</code></h3><p>${escape(schema.description)}</p><table><thead><tr><th>field</th><th>type</th><th>about</th></tr></thead><tbody>${rows}</tbody></table>`;
      });
      return `<section><h2 id="${escape(channel.address)}"><code>${escape(channel.address)}</code></h2><p>${escape(channel.description)}</p><p>Dead letters: <code>${escape(channel.address)}.dlq</code>.</p>${events.join('')}</section>`;
    });
  const info = document.info as { title: string; description: string };
  // One main landmark with the navigation beside it, a viewport for phones, and tables whose long
  // names and types wrap instead of widening the page (WCAG 2.1 AA; axe-core finds nothing on it).
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escape(info.title)}</title>
    <style>
      body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; line-height: 1.4; color: #1d2733; }
      a { color: #1a4f8b; }
      :focus-visible { outline: 3px solid #1d2733; outline-offset: 2px; }
      table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; } td, th { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
      code { overflow-wrap: anywhere; }
      section { border-top: 2px solid #333; margin-top: 2rem; }
    </style>
  </head>
  <body>
    <header>
      <h1>${escape(info.title)}</h1>
      <p>${escape(info.description)}</p>
      <p>The machine-readable catalogue: <a href="/catalogue/asyncapi.yaml">asyncapi.yaml</a> (AsyncAPI 3.0). The graph: <a href="/graphql">GraphiQL</a>.</p>
    </header>
    <nav aria-label="Topics"><ul>${Object.values(channels)
      .filter((channel) => !channel.address.endsWith('.dlq'))
      .map((channel) => `<li><a href="#${escape(channel.address)}"><code>${escape(channel.address)}</code></a></li>`)
      .join('')}</ul></nav>
    <main>
    ${sections.join('\n')}
    </main>
  </body>
</html>
`;
}

/** Development only: the catalogue page at /catalogue and the AsyncAPI document at /catalogue/asyncapi.yaml. */
export function catalogueRoutes(app: express.Express): void {
  const yaml = () => (existsSync(asyncApiFile) ? readFileSync(asyncApiFile, 'utf8') : undefined);
  app.get('/catalogue', (_request, response, next) => {
    const text = yaml();
    if (text === undefined) return next();
    response.type('html').send(cataloguePage(parse(text) as JsonObject));
  });
  app.get('/catalogue/asyncapi.yaml', (_request, response, next) => {
    const text = yaml();
    if (text === undefined) return next();
    response.type('application/yaml').send(text);
  });
}
