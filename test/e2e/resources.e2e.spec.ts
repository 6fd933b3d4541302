import { getMetadataArgsStorage } from 'typeorm';
import type { ResourceSpec } from '../../src/common/crud/resource-spec';
import { ENTITIES } from '../../src/database/entities';
import { constraintsOf, SPECS, validBodyFor } from '../support/resource-specs';
import { startTestApp, TestApp } from '../support/test-app';

/** Tables deliberately without a generic list route, and why. */
const NOT_LISTED: Record<string, string> = {
  sessions: 'login tokens (hashed): only login/logout/me touch them',
  agent_status: 'a singleton: GET/PATCH /api/agent-status',
  idempotency_keys: "the service's own bookkeeping",
  login_attempts: "the login throttle's counters",
  server_secrets: "the service's own keys (the cursors' signing key): never served",
};
/** Tables served by hand-written feature modules (their own tests). */
const HAND_WRITTEN: Record<string, string> = {
  users: '/api/users',
  strategies: '/api/strategies',
  trades: '/api/trades',
  ai_decisions: '/api/ai-decisions',
  positions: '/api/positions',
  orders: '/api/orders',
  fills: '/api/orders/:id (fills)',
  broker_assets: '/api/broker-assets',
  audit_logs: '/api/audit-logs',
  api_keys: '/api/admin/api-keys',
};

const tableOf = (entity: unknown) =>
  getMetadataArgsStorage().tables.find((t) => t.target === entity)!.name!;

describe('every table over REST (e2e, table-driven)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('resources');
  });
  afterAll(async () => t?.close());

  it('reaches every table of the schema: a list route for each, except the named internal ones', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const served = new Map(SPECS.map((s) => [tableOf(s.entity), s.path]));
    const missing: string[] = [];
    for (const entity of ENTITIES) {
      const table = tableOf(entity);
      if (NOT_LISTED[table] || HAND_WRITTEN[table]) continue;
      const path = served.get(table);
      if (!path || !doc.paths[`/api/${path}`]?.get) missing.push(table);
    }
    expect(missing).toEqual([]);
    for (const path of Object.values(HAND_WRITTEN)) {
      if (!path.includes(':') && !path.includes(' ')) expect(doc.paths[path]).toBeDefined();
    }
    expect(doc.paths['/api/agent-status']).toBeDefined();
  });

  const validBody = (spec: ResourceSpec) => validBodyFor(t, spec);

  describe.each(SPECS.map((s) => [s.path, s] as const))('/api/%s', (path, spec) => {
    const url = `/api/${path}`;

    it('creates, reads, lists with each filter, patches, previews and deletes', async () => {
      const api = t.admin.api;
      const body = await validBody(spec);
      const created = await api.post(url).send(body);
      if (created.status !== 201) throw new Error(JSON.stringify({ body, res: created.body }));
      const id = created.body.id as string | number;
      for (const [k, v] of Object.entries(body)) {
        if (typeof v !== 'object')
          expect({ k, v: String(created.body[k]) }).toEqual({ k, v: String(v) });
      }
      await api
        .get(`${url}/${id}`)
        .expect(200)
        .expect((r) => expect(r.body.id).toBe(id));

      const all = await api.get(`${url}?limit=500`).expect(200);
      expect(all.body.items.map((i: { id: unknown }) => i.id)).toContain(id);
      for (const filter of spec.filters) {
        const value = created.body[filter];
        if (value === null || value === undefined) continue;
        const r = await api
          .get(`${url}?${filter}=${encodeURIComponent(String(value))}&limit=500`)
          .expect(200);
        expect(r.body.items.length).toBeGreaterThan(0);
        expect(
          r.body.items.every((i: Record<string, unknown>) => String(i[filter]) === String(value)),
        ).toBe(true);
        expect(r.body.items.map((i: { id: unknown }) => i.id)).toContain(id);
      }

      // Patch one writable text or boolean column that is not an enum or a key.
      const meta = t.dataSource.getMetadata(spec.entity);
      const enumProps = new Set(
        constraintsOf(spec.createDto)
          .filter((c) => c.name === 'isIn')
          .map((c) => c.propertyName),
      );
      const patchable = meta.columns.find(
        (c) =>
          !c.isPrimary &&
          !c.relationMetadata &&
          !enumProps.has(c.propertyName) &&
          String(c.type) === 'text' &&
          !c.isArray &&
          !meta.uniques.some((u) => u.columns.includes(c)),
      );
      if (patchable) {
        const patched = await api
          .patch(`${url}/${id}`)
          .send({ [patchable.propertyName]: 'patched' });
        if (patched.status !== 200) throw new Error(JSON.stringify(patched.body));
        expect(patched.body[patchable.propertyName]).toBe('patched');
      }

      const preview = await api.delete(`${url}/${id}?dryRun=true`).expect(200);
      expect(preview.body.wouldDelete[meta.tableName]).toBe(1);
      await api.get(`${url}/${id}`).expect(200);
      await api.delete(`${url}/${id}`).expect(204);
      await api.get(`${url}/${id}`).expect(404);
    });

    it('refuses bad input with the contract’s errors', async () => {
      const api = t.admin.api;
      const body = await validBody(spec);
      const unknown = await api
        .post(url)
        .send({ ...body, notAColumn: 1 })
        .expect(400);
      expect(unknown.body.details.map((d: { field: string }) => d.field)).toContain('notAColumn');

      const required = Object.keys(body)[0];
      if (required) {
        const { [required]: _omitted, ...rest } = body;
        const r = await api.post(url).send(rest).expect(400);
        expect(r.body.details.map((d: { field: string }) => d.field)).toContain(required);
      }
      for (const c of constraintsOf(spec.createDto)) {
        if (c.name === 'isIn') {
          const r = await api
            .post(url)
            .send({ ...body, [c.propertyName]: 'not-a-valid-value' })
            .expect(400);
          expect(r.body.details.map((d: { field: string }) => d.field)).toContain(c.propertyName);
        }
        const rules = c.constraints?.[0] as { min?: string } | undefined;
        if (c.name === 'isDecimal' && rules?.min === '0') {
          const r = await api
            .post(url)
            .send({ ...body, [c.propertyName]: '-1' })
            .expect(400);
          expect(r.body.details.map((d: { field: string }) => d.field)).toContain(c.propertyName);
        }
      }
      const bad = spec.idType === 'int' ? 'abc' : 'not-a-uuid';
      await api.get(`${url}/${bad}`).expect(400);
    });
  });
});
