import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOpenApiDocument } from '../../src/app.factory';
import { loadConfig } from '../../src/config/app-config';
import { PUBLIC_OPERATIONS } from '../support/openapi';
import { startTestApp, TestApp } from '../support/test-app';

const COMMITTED = join(__dirname, '..', '..', 'openapi', 'ledgerline.openapi.json');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

type Doc = {
  paths: Record<string, Record<string, { summary?: string; security?: unknown[] }>>;
};

describe('the committed OpenAPI document (openapi/ledgerline.openapi.json)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('openapi');
  });
  afterAll(async () => t?.close());

  it('is what the running app serves at /docs-json (run `npm run generate` after changing routes or DTOs)', async () => {
    const served = (await t.http.get('/docs-json').expect(200)).body as Doc;
    const committed = JSON.parse(readFileSync(COMMITTED, 'utf8')) as Doc;
    expect(served).toEqual(committed);
  });

  it('is built without a database the same way (what `npm run generate` writes)', async () => {
    const offline = await createOpenApiDocument(loadConfig({}));
    const committed = JSON.parse(readFileSync(COMMITTED, 'utf8')) as Doc;
    expect(JSON.parse(JSON.stringify(offline))).toEqual(committed);
  });

  it('gives every operation a summary, and public ones (only those) `security: []`', () => {
    const doc = JSON.parse(readFileSync(COMMITTED, 'utf8')) as Doc;
    const withoutSummary: string[] = [];
    const open: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        if (!op.summary) withoutSummary.push(`${method} ${path}`);
        if (op.security?.length === 0) open.push(`${method} ${path}`);
      }
    }
    expect(withoutSummary).toEqual([]);
    expect(new Set(open)).toEqual(PUBLIC_OPERATIONS);
  });
});
