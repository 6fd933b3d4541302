import { Client } from 'pg';
import { startTestApp, TestApp } from '../support/test-app';
import { testServerUrl } from '../support/test-server';

describe('health (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('health');
  });
  afterAll(async () => t?.close());

  async function admin(sql: string): Promise<void> {
    const c = new Client({ connectionString: testServerUrl() });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  }

  it('answers liveness and readiness', async () => {
    await t.http.get('/api/health').expect(200, { status: 'ok' });
    const ready = await t.http.get('/api/health/ready').expect(200);
    expect(ready.body.info.database.status).toBe('up');
  });

  it('reports 503 DATABASE_UNAVAILABLE while the database refuses connections, and recovers', async () => {
    await admin(`ALTER DATABASE "${t.db.name}" ALLOW_CONNECTIONS false`);
    await admin(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${t.db.name}'`,
    );
    try {
      const down = await t.http.get('/api/health/ready').expect(503);
      expect(down.body).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(down.headers['retry-after']).toBeDefined();
      // Liveness is about the process, not the database.
      await t.http.get('/api/health').expect(200);
      const list = await t.api.get('/api/strategies').expect(503);
      expect(list.body.code).toBe('DATABASE_UNAVAILABLE');
    } finally {
      await admin(`ALTER DATABASE "${t.db.name}" ALLOW_CONNECTIONS true`);
    }
    await t.http.get('/api/health/ready').expect(200);
    await t.api.get('/api/strategies').expect(200);
  });

  it('serves the OpenAPI document with the strategies routes', async () => {
    const doc = await t.http.get('/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/strategies',
        '/api/strategies/{id}',
        '/api/health',
        '/api/health/ready',
      ]),
    );
    await t.http.get('/docs').expect(200);
  });
});
