import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

type Document = { openapi: string; paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }>; requestBody?: unknown; responses: Record<string, unknown> }>> };

/** The admin routes docs/api.md lists in its tables: `GET /api/items/{id}`. */
function documentedRoutes(): string[] {
  const text = readFileSync('docs/api.md', 'utf8');
  return [...text.matchAll(/^\| `(GET|POST|PUT|PATCH|DELETE) (\/api\/[^`]*)`/gmu)].map((m) => `${m[1]} ${m[2]}`).sort();
}

describe('GET /api/openapi.json: the admin API described from its route schemas', () => {
  let t: TestApp;
  let doc: Document;
  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.api('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body as Document;
  });
  afterAll(() => t.close());

  const routesIn = (d: Document) =>
    Object.entries(d.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();

  it('lists exactly the routes docs/api.md documents, and no route outside /api', () => {
    expect(doc.openapi).toMatch(/^3\./u);
    expect(documentedRoutes().length).toBeGreaterThan(5);
    expect(routesIn(doc)).toEqual(documentedRoutes());
  });

  it('describes each route’s parameters, body and answers from its zod schemas', () => {
    const item = doc.paths['/api/items/{id}']!.get!;
    expect(item.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'path', name: 'id' })]));
    expect(Object.keys(item.responses)).toEqual(expect.arrayContaining(['200', '401', '404']));
    const items = doc.paths['/api/items']!.get!;
    expect(items.parameters!.map((p) => `${p.in}:${p.name}`)).toEqual(expect.arrayContaining(['query:status', 'query:kind', 'query:limit']));
    expect(JSON.stringify(doc.paths['/api/groups']!.post!.requestBody)).toMatch(/conversationId/u);
    expect(JSON.stringify(doc.paths['/api/jobs/{name}/run']!.post!.parameters)).toMatch(/weekly-bulletin/u);
  });

  it('is behind the bearer token like the rest of /api', async () => {
    expect((await fetch(`${t.url}/api/openapi.json`)).status).toBe(401);
  });
});
