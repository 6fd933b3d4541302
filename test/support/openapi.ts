import type { TestApp } from './test-app';

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path, e.g. /api/strategies/{id} */
  path: string;
  /** The path with every parameter replaced by a well-formed UUID. */
  url: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export const SAMPLE_UUID = '3f1c2a9e-7b4d-4e8f-9a6b-1c2d3e4f5a6b';

/** Every operation the running app documents; routes added later are covered automatically. */
export async function operationsOf(t: TestApp): Promise<Operation[]> {
  const doc = (await t.http.get('/docs-json').expect(200)).body as {
    paths: Record<string, Record<string, unknown>>;
  };
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      if (item[method]) ops.push({ method, path, url: path.replace(/\{[^}]+\}/g, SAMPLE_UUID) });
    }
  }
  return ops;
}

/** Routes anyone may call without a token. */
export const PUBLIC_OPERATIONS = new Set([
  'post /api/auth/signup',
  'post /api/auth/login',
  'get /api/health',
  'get /api/health/ready',
  'get /metrics',
]);
