import { getMetadataArgsStorage } from 'typeorm';
import { ForeignKeyMetadata } from 'typeorm/metadata/ForeignKeyMetadata';
import { ENTITIES } from '../../src/database/entities';
import { insertRow, metadataOf } from '../support/fixtures';
import { MigratedDatabase, startMigratedDatabase } from '../support/test-datasource';

/** The 16 indexes of the fix plan, created CONCURRENTLY by their own migration. */
const HOT_PATH_INDEXES = [
  'idx_trades_strategy_id',
  'idx_trades_order_id',
  'idx_trades_symbol',
  'idx_trades_executed_at',
  'idx_trades_status',
  'idx_trades_strategy_executed',
  'idx_positions_symbol',
  'idx_positions_strategy_id',
  'idx_positions_opened_at',
  'idx_ai_decisions_strategy_id',
  'idx_ai_decisions_symbol',
  'idx_ai_decisions_status',
  'idx_ai_decisions_created_at',
  'idx_ai_decisions_status_created',
  'idx_strategies_is_active',
  'idx_strategies_type',
];

/** Deleting a user must never erase the audit trail or shared configuration. */
/** Tables of the service's own, beside the reference's 56 (and the migrations' bookkeeping). */
const INTERNAL_TABLES = [
  'typeorm_migrations',
  'idempotency_keys',
  'api_keys',
  'login_attempts',
  'server_secrets',
]
  .map((t) => `'${t}'`)
  .join(', ');

/**
 * The reference's 47 keys, plus conversations.user_id (conversations got an owner with the access
 * policy) and api_keys.created_by (who issued a key).
 */
const FOREIGN_KEY_COUNT = 49;

const SET_NULL_KEYS = [
  'admin_settings.updated_by',
  'allocation_policies.created_by',
  'api_keys.created_by',
  'audit_logs.user_id',
  'universe_candidates.approved_by',
];

/** `table.column` of every many-to-one relation of the registered entities. */
function declaredForeignKeys(): string[] {
  const storage = getMetadataArgsStorage();
  const tableOf = (target: unknown) => storage.tables.find((t) => t.target === target)?.name;
  return storage.relations
    .filter((r) => r.relationType === 'many-to-one' && (ENTITIES as unknown[]).includes(r.target))
    .map((r) => {
      const join = storage.joinColumns.find(
        (j) => j.target === r.target && j.propertyName === r.propertyName,
      );
      return `${tableOf(r.target)}.${join?.name ?? r.propertyName}`;
    })
    .sort();
}

describe('schema', () => {
  let m: MigratedDatabase;
  beforeAll(async () => {
    m = await startMigratedDatabase('schema');
  });
  afterAll(async () => m?.close());

  const foreignKeys = (): ForeignKeyMetadata[] =>
    m.dataSource.entityMetadatas.flatMap((e) => e.foreignKeys);
  const label = (fk: ForeignKeyMetadata) => `${fk.entityMetadata.tableName}.${fk.columnNames[0]}`;

  it('has all 56 tables', async () => {
    const rows: Array<{ n: string }> = await m.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN (${INTERNAL_TABLES})`,
    );
    expect(Number(rows[0].n)).toBe(56);
    // The reference's 56, plus the service's own tables (idempotency keys, API keys, login
    // counters, server secrets).
    expect(m.dataSource.entityMetadatas).toHaveLength(60);
  });

  it('finds no drift between the entities and the migrated database (what migration:generate --check runs)', async () => {
    const sql = await m.dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('declares 49 foreign keys, each ON UPDATE CASCADE, SET NULL only for user-actor keys', async () => {
    const fks = foreignKeys();
    expect(fks).toHaveLength(FOREIGN_KEY_COUNT);
    for (const fk of fks) expect(fk.onUpdate).toBe('CASCADE');
    expect(
      fks
        .filter((fk) => fk.onDelete === 'SET NULL')
        .map(label)
        .sort(),
    ).toEqual(SET_NULL_KEYS);
    expect(
      fks.filter((fk) => fk.onDelete !== 'SET NULL' && fk.onDelete !== 'CASCADE').map(label),
    ).toEqual([]);

    // And the database agrees with the metadata, key by key.
    const rows: Array<{ key: string; del: string; upd: string }> = await m.dataSource.query(`
      SELECT c.conrelid::regclass::text || '.' || a.attname AS key, c.confdeltype AS del, c.confupdtype AS upd
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`);
    expect(rows).toHaveLength(FOREIGN_KEY_COUNT);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    for (const fk of fks) {
      const row = byKey.get(label(fk));
      expect({ key: label(fk), del: row?.del, upd: row?.upd }).toEqual({
        key: label(fk),
        del: fk.onDelete === 'CASCADE' ? 'c' : 'n',
        upd: 'c',
      });
    }
  });

  // The cases are listed from TypeORM's metadata at collection time, so a key added later gets its
  // own case without touching this file; the count is pinned to the schema reference (47) plus ours.
  const declared = declaredForeignKeys();
  it('discovers the 49 foreign keys to test', () =>
    expect(declared).toHaveLength(FOREIGN_KEY_COUNT));

  it.each(declared)(
    'applies the rules of %s on delete and on update of the parent',
    async (key) => {
      const fk = foreignKeys().find((f) => label(f) === key);
      if (!fk) throw new Error(`${key} is declared but not in the DataSource metadata`);
      const child = fk.entityMetadata;
      const parent = fk.referencedEntityMetadata;
      const column = fk.columns[0];
      const col = column.databaseName;

      // ON DELETE
      const p1 = await insertRow(m.dataSource.manager, parent);
      const c1 = await insertRow(m.dataSource.manager, child, { [column.propertyName]: p1.id });
      await m.dataSource.query(`DELETE FROM "${parent.tableName}" WHERE id = $1`, [p1.id]);
      const after: Array<{ v: unknown }> = await m.dataSource.query(
        `SELECT "${col}" AS v FROM "${child.tableName}" WHERE id = $1`,
        [c1.id],
      );
      if (fk.onDelete === 'CASCADE') {
        expect(after).toHaveLength(0);
      } else {
        expect(after).toEqual([{ v: null }]);
      }

      // ON UPDATE CASCADE: the child follows the parent's new key.
      const p2 = await insertRow(m.dataSource.manager, parent);
      const c2 = await insertRow(m.dataSource.manager, child, { [column.propertyName]: p2.id });
      const newKey = typeof p2.id === 'number' ? '(id + 1000000)' : 'gen_random_uuid()';
      // For UPDATE ... RETURNING, TypeORM's postgres driver answers [rows, affectedCount].
      const [updated]: [Array<{ id: string | number }>, number] = await m.dataSource.query(
        `UPDATE "${parent.tableName}" SET id = ${newKey} WHERE id = $1 RETURNING id`,
        [p2.id],
      );
      const followed: Array<{ v: string | number }> = await m.dataSource.query(
        `SELECT "${col}" AS v FROM "${child.tableName}" WHERE id = $1`,
        [c2.id],
      );
      expect(followed).toEqual([{ v: updated[0].id }]);
      expect(updated[0].id).not.toEqual(p2.id);
    },
  );

  it('deletes a strategy together with its trades (the fix plan check)', async () => {
    const trade = await insertRow(
      m.dataSource.manager,
      metadataOf(m.dataSource, 'trades'),
      {},
      true,
    );
    const [{ strategy_id: strategyId }] = await m.dataSource.query(
      'SELECT strategy_id FROM trades WHERE id = $1',
      [trade.id],
    );
    expect(strategyId).toBeTruthy();
    await m.dataSource.query('DELETE FROM strategies WHERE id = $1', [strategyId]);
    expect(await m.dataSource.query('SELECT 1 FROM trades WHERE id = $1', [trade.id])).toHaveLength(
      0,
    );
  });

  it('indexes every foreign key column (as the leading column of some index)', async () => {
    const unindexed: Array<{ key: string }> = await m.dataSource.query(`
      SELECT c.conrelid::regclass::text || '.' || a.attname AS key
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])`);
    expect(unindexed).toEqual([]);
  });

  it('has the 16 hot-path indexes, all valid', async () => {
    const rows: Array<{ name: string; valid: boolean }> = await m.dataSource.query(
      `SELECT c.relname AS name, i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       WHERE c.relname = ANY($1)`,
      [HOT_PATH_INDEXES],
    );
    expect(rows.map((r) => r.name).sort()).toEqual([...HOT_PATH_INDEXES].sort());
    expect(rows.every((r) => r.valid)).toBe(true);
  });

  it('allows one agent_status row only (the migration creates it)', async () => {
    expect(await m.dataSource.query('SELECT 1 FROM agent_status')).toHaveLength(1);
    await expect(
      m.dataSource.query('INSERT INTO agent_status DEFAULT VALUES'),
    ).rejects.toMatchObject({
      driverError: { code: '23505', constraint: 'agent_status_singleton' },
    });
  });

  it('allows one active version per strategy (a partial unique index)', async () => {
    const strategy = await insertRow(m.dataSource.manager, metadataOf(m.dataSource, 'strategies'));
    const version = (n: number) =>
      m.dataSource.query(
        `INSERT INTO strategy_versions (strategy_id, version, name, spec, status) VALUES ($1, $2, 'v', '{}', 'active')`,
        [strategy.id, n],
      );
    await version(1);
    await expect(version(2)).rejects.toMatchObject({
      driverError: { code: '23505', constraint: 'strategy_versions_one_active' },
    });
  });

  it('keeps one position per user and symbol, and upper-case broker symbols', async () => {
    const position = await insertRow(m.dataSource.manager, metadataOf(m.dataSource, 'positions'));
    const [{ user_id: userId, symbol }] = await m.dataSource.query(
      'SELECT user_id, symbol FROM positions WHERE id = $1',
      [position.id],
    );
    await expect(
      insertRow(m.dataSource.manager, metadataOf(m.dataSource, 'positions'), { userId, symbol }),
    ).rejects.toMatchObject({
      driverError: { code: '23505', constraint: 'positions_user_id_symbol_unique' },
    });

    await expect(
      insertRow(m.dataSource.manager, metadataOf(m.dataSource, 'broker_assets'), {
        symbol: 'aapl',
      }),
    ).rejects.toMatchObject({
      driverError: { code: '23514', constraint: 'broker_assets_symbol_upper' },
    });
  });
});

describe('migrations', () => {
  it('revert fully to an empty schema and apply again', async () => {
    const m = await startMigratedDatabase('revert');
    try {
      const count = async () =>
        Number(
          (
            await m.dataSource.query(
              `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN (${INTERNAL_TABLES})`,
            )
          )[0].n,
        );
      expect(await count()).toBe(56);
      while ((await m.dataSource.query('SELECT 1 FROM typeorm_migrations')).length > 0) {
        await m.dataSource.undoLastMigration({ transaction: 'each' });
      }
      expect(await count()).toBe(0);
      await m.dataSource.runMigrations();
      expect(await count()).toBe(56);
      expect((await m.dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await m.close();
    }
  });
});

describe('migration TenantScopedKeys1797500001000', () => {
  it('gives rows written before it their owner (in batches), and keeps owners right after', async () => {
    const m = await startMigratedDatabase('tenant_keys_migration');
    try {
      const ds = m.dataSource;
      const applied = async () =>
        (await ds.query('SELECT name FROM typeorm_migrations ORDER BY id DESC LIMIT 1'))[0].name;
      while ((await applied()) !== 'TenantScopedKeys1797500001000') {
        await ds.undoLastMigration({ transaction: 'each' });
      }
      await ds.undoLastMigration({ transaction: 'each' });
      const one = async (sql: string, params: unknown[] = []) => (await ds.query(sql, params))[0];
      const [a, b] = [
        await insertRow(ds.manager, metadataOf(ds, 'users')),
        await insertRow(ds.manager, metadataOf(ds, 'users')),
      ];
      const order = await insertRow(ds.manager, metadataOf(ds, 'orders'), { userId: a.id });
      const decision = await insertRow(ds.manager, metadataOf(ds, 'ai_decisions'), {
        userId: b.id,
      });
      // More fills than one backfill batch holds, and one without an order.
      await ds.query(
        `INSERT INTO fills (broker, broker_order_id, broker_fill_id, order_id, symbol, side, qty, price, occurred_at)
         SELECT 'alpaca', 'bo', 'f' || g, $1, 'AAPL', 'buy', 1, 1, now() FROM generate_series(1, 12000) g`,
        [order.id],
      );
      await ds.query(
        `INSERT INTO fills (broker, broker_order_id, symbol, side, qty, price, occurred_at)
         VALUES ('alpaca', 'bo', 'AAPL', 'buy', 1, 1, now())`,
      );
      await ds.query(
        `INSERT INTO work_items (type, idempotency_key, decision_id) VALUES ('x', 'k1', $1), ('x', 'k2', NULL)`,
        [decision.id],
      );

      await ds.runMigrations();
      expect(
        await ds.query(
          `SELECT owner_id, count(*)::int AS n FROM fills GROUP BY owner_id ORDER BY n DESC`,
        ),
      ).toEqual([
        { owner_id: a.id, n: 12000 },
        { owner_id: null, n: 1 },
      ]);
      expect(
        await ds.query(`SELECT owner_id FROM work_items ORDER BY owner_id NULLS LAST`),
      ).toEqual([{ owner_id: b.id }, { owner_id: null }]);

      // The owner follows the parent's user.
      await ds.query(`UPDATE ai_decisions SET user_id = $1 WHERE id = $2`, [a.id, decision.id]);
      expect(
        await one(`SELECT owner_id FROM work_items WHERE decision_id = $1`, [decision.id]),
      ).toEqual({ owner_id: a.id });
      await ds.query(`UPDATE orders SET user_id = $1 WHERE id = $2`, [b.id, order.id]);
      expect(await one(`SELECT count(*)::int AS n FROM fills WHERE owner_id = $1`, [b.id])).toEqual(
        { n: 12000 },
      );
      // A value written directly is replaced by the parent's.
      await ds.query(`UPDATE fills SET owner_id = $1 WHERE order_id = $2`, [a.id, order.id]);
      expect(await one(`SELECT count(*)::int AS n FROM fills WHERE owner_id = $1`, [a.id])).toEqual(
        { n: 0 },
      );
      expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await m.close();
    }
  }, 120_000);
});
