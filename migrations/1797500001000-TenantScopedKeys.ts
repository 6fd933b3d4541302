import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Client-chosen keys become unique per owner instead of across the platform: a global unique
 * key let user B learn that A used a value (the 409) and take the platform scheduler's
 * predictable work-item keys before it did.
 *
 * - orders: (user_id, client_order_id) and (user_id, broker_order_id).
 * - fills and work_items are owned through their parent (the order; the decision), so they get
 *   an `owner_id` copied from it: the parent's user_id, NULL for a work item without a decision
 *   (platform data). Triggers keep it right whoever writes (the API, plain SQL, a fixture, an
 *   instance still running the previous release): set from the parent on insert and when the
 *   parent key changes, followed when the parent's user_id changes. fills: (owner_id,
 *   broker_fill_id); work_items: (owner_id, idempotency_key) for rows with a decision, and
 *   (idempotency_key) among platform rows (decision_id IS NULL), each a partial index.
 *
 * Why an owner column for fills rather than (order_id, broker_fill_id): the old key kept one
 * owner from recording a broker fill twice anywhere; per order, the same fill sent under two of
 * the owner's orders would be counted twice (each order folds it into filled_qty, and the two
 * orders' locks do not serialise each other). (owner_id, broker_fill_id) keeps exactly the old
 * guarantee within an owner; two concurrent inserts of one fill on two orders meet in the unique
 * index, and the loser's whole request (fill and order update) rolls back. It is also the column
 * a user-distributed layout needs (docs/SCALING.md).
 *
 * Order of the steps, so that at every moment some unique key holds and writers never stop:
 * the columns (metadata only) and triggers; the backfill in batches of their own transactions;
 * the new unique indexes CONCURRENTLY (a failed earlier attempt's invalid index is dropped
 * first); then, per table, one short ALTER that drops the global constraint (and attaches the
 * orders/fills indexes as constraints). Every step may be rerun after an interruption.
 */

const BATCH = 5000;

interface NewIndex {
  name: string;
  table: string;
  definition: string;
  /** Attach as a table constraint (a plain unique key); partial indexes stay indexes. */
  constraint: boolean;
}

const NEW_INDEXES: NewIndex[] = [
  {
    name: 'orders_user_id_client_order_id_unique',
    table: 'orders',
    definition: '("user_id", "client_order_id")',
    constraint: true,
  },
  {
    name: 'orders_user_id_broker_order_id_unique',
    table: 'orders',
    definition: '("user_id", "broker_order_id")',
    constraint: true,
  },
  {
    name: 'fills_owner_id_broker_fill_id_unique',
    table: 'fills',
    definition: '("owner_id", "broker_fill_id")',
    constraint: true,
  },
  {
    name: 'work_items_owner_id_idempotency_key_unique',
    table: 'work_items',
    definition: '("owner_id", "idempotency_key") WHERE "decision_id" IS NOT NULL',
    constraint: false,
  },
  {
    name: 'work_items_platform_idempotency_key_unique',
    table: 'work_items',
    definition: '("idempotency_key") WHERE "decision_id" IS NULL',
    constraint: false,
  },
];

const OLD_CONSTRAINTS: Array<[table: string, name: string, column: string]> = [
  ['orders', 'orders_client_order_id_unique', 'client_order_id'],
  ['orders', 'orders_broker_order_id_unique', 'broker_order_id'],
  ['fills', 'fills_broker_fill_id_unique', 'broker_fill_id'],
  ['work_items', 'work_items_idempotency_key_unique', 'idempotency_key'],
];

/** A child table whose owner_id follows its parent's user_id. */
interface OwnedChild {
  table: string;
  parent: string;
  parentColumn: string;
  setOwner: string;
  followOwner: string;
}

const CHILDREN: OwnedChild[] = [
  {
    table: 'fills',
    parent: 'orders',
    parentColumn: 'order_id',
    setOwner: 'ledgerline_fill_owner',
    followOwner: 'ledgerline_order_owner_changed',
  },
  {
    table: 'work_items',
    parent: 'ai_decisions',
    parentColumn: 'decision_id',
    setOwner: 'ledgerline_work_item_owner',
    followOwner: 'ledgerline_decision_owner_changed',
  },
];

export class TenantScopedKeys1797500001000 implements MigrationInterface {
  name = 'TenantScopedKeys1797500001000';
  /** squawk findings of this migration (migrations/sql), excused with the reason. */
  static squawkIgnore = {
    'prefer-robust-stmts':
      'each ALTER ... ADD CONSTRAINT USING INDEX runs only when a catalog check just before it found the constraint missing, so a rerun after a failure part way through is safe',
  };
  transaction = false as const;

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const c of CHILDREN) {
      await queryRunner.query(`ALTER TABLE "${c.table}" ADD COLUMN IF NOT EXISTS "owner_id" uuid`);
      // The owner is always the parent's: a value written directly is replaced.
      await queryRunner.query(`
        CREATE OR REPLACE FUNCTION ${c.setOwner}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.owner_id := (SELECT p.user_id FROM "${c.parent}" p WHERE p.id = NEW.${c.parentColumn});
          RETURN NEW;
        END $$`);
      await queryRunner.query(`DROP TRIGGER IF EXISTS ${c.table}_set_owner ON "${c.table}"`);
      await queryRunner.query(`
        CREATE TRIGGER ${c.table}_set_owner
        BEFORE INSERT OR UPDATE OF ${c.parentColumn}, owner_id ON "${c.table}"
        FOR EACH ROW EXECUTE FUNCTION ${c.setOwner}()`);
      await queryRunner.query(`
        CREATE OR REPLACE FUNCTION ${c.followOwner}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE "${c.table}" SET owner_id = NEW.user_id WHERE ${c.parentColumn} = NEW.id;
          RETURN NULL;
        END $$`);
      await queryRunner.query(`DROP TRIGGER IF EXISTS ${c.table}_follow_owner ON "${c.parent}"`);
      await queryRunner.query(`
        CREATE TRIGGER ${c.table}_follow_owner
        AFTER UPDATE OF user_id ON "${c.parent}"
        FOR EACH ROW WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id)
        EXECUTE FUNCTION ${c.followOwner}()`);
      await this.backfill(queryRunner, c);
    }

    for (const index of NEW_INDEXES) {
      await dropIfInvalid(queryRunner, index.name);
      await queryRunner.query(
        `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "${index.name}" ON "${index.table}" ${index.definition}`,
      );
    }

    for (const table of ['orders', 'fills', 'work_items']) {
      const actions = [
        ...OLD_CONSTRAINTS.filter(([t]) => t === table).map(
          ([, name]) => `DROP CONSTRAINT IF EXISTS "${name}"`,
        ),
      ];
      for (const index of NEW_INDEXES.filter((i) => i.table === table && i.constraint)) {
        if (!(await constraintExists(queryRunner, index.name))) {
          actions.push(`ADD CONSTRAINT "${index.name}" UNIQUE USING INDEX "${index.name}"`);
        }
      }
      await queryRunner.query(`ALTER TABLE "${table}" ${actions.join(', ')}`);
    }
  }

  /** owner_id of the rows written before the trigger, in id order, a batch per transaction. */
  private async backfill(queryRunner: QueryRunner, c: OwnedChild): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const [row]: Array<{ last: string | null }> = await queryRunner.query(
        `WITH batch AS (SELECT id FROM "${c.table}" WHERE id > $1 ORDER BY id LIMIT $2),
              done AS (UPDATE "${c.table}" x SET owner_id = p.user_id FROM "${c.parent}" p
                       WHERE x.id IN (SELECT id FROM batch) AND p.id = x.${c.parentColumn}
                         AND x.owner_id IS DISTINCT FROM p.user_id)
         SELECT (SELECT id FROM batch ORDER BY id DESC LIMIT 1)::text AS last`,
        [after, BATCH],
      );
      if (!row.last) return;
      after = row.last;
    }
  }

  // TypeORM reverts inside a transaction, so the down step cannot use CONCURRENTLY. It restores
  // the global keys, which fails (and changes nothing) once two owners hold the same value.
  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['orders', 'fills', 'work_items']) {
      const actions = [
        ...NEW_INDEXES.filter((i) => i.table === table && i.constraint).map(
          (i) => `DROP CONSTRAINT IF EXISTS "${i.name}"`,
        ),
        ...OLD_CONSTRAINTS.filter(([t]) => t === table).map(
          ([, name, column]) => `ADD CONSTRAINT "${name}" UNIQUE ("${column}")`,
        ),
      ];
      await queryRunner.query(`ALTER TABLE "${table}" ${actions.join(', ')}`);
    }
    for (const index of NEW_INDEXES.filter((i) => !i.constraint)) {
      await queryRunner.query(`DROP INDEX IF EXISTS "public"."${index.name}"`);
    }
    for (const c of [...CHILDREN].reverse()) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS ${c.table}_follow_owner ON "${c.parent}"`);
      await queryRunner.query(`DROP FUNCTION IF EXISTS ${c.followOwner}()`);
      await queryRunner.query(`DROP TRIGGER IF EXISTS ${c.table}_set_owner ON "${c.table}"`);
      await queryRunner.query(`DROP FUNCTION IF EXISTS ${c.setOwner}()`);
      await queryRunner.query(`ALTER TABLE "${c.table}" DROP COLUMN IF EXISTS "owner_id"`);
    }
  }
}

/** A CONCURRENTLY build that failed leaves an invalid index that IF NOT EXISTS would keep. */
async function dropIfInvalid(queryRunner: QueryRunner, name: string): Promise<void> {
  const rows: unknown[] = await queryRunner.query(
    `SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE c.relname = $1 AND c.relnamespace = 'public'::regnamespace AND NOT i.indisvalid`,
    [name],
  );
  if (rows.length > 0) await queryRunner.query(`DROP INDEX CONCURRENTLY "public"."${name}"`);
}

async function constraintExists(queryRunner: QueryRunner, name: string): Promise<boolean> {
  const rows: unknown[] = await queryRunner.query(
    `SELECT 1 FROM pg_constraint WHERE conname = $1 AND connamespace = 'public'::regnamespace`,
    [name],
  );
  return rows.length > 0;
}
