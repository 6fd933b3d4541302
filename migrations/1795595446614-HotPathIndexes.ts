import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fix plan's hot-path indexes, built without blocking writers. CREATE INDEX CONCURRENTLY
 * cannot run inside a transaction, hence `transaction = false`; IF NOT EXISTS makes a rerun
 * after an interruption safe (an interrupted build leaves an INVALID index: `npm run db:doctor`
 * reports it; drop it and run the migration again).
 *
 * Generated with the CLI from the entities' @Index declarations, then rewritten to CONCURRENTLY.
 */
const INDEXES: Array<[name: string, table: string, columns: string]> = [
  ['idx_trades_strategy_id', 'trades', '"strategy_id"'],
  ['idx_trades_order_id', 'trades', '"order_id"'],
  ['idx_trades_symbol', 'trades', '"symbol"'],
  ['idx_trades_executed_at', 'trades', '"executed_at"'],
  ['idx_trades_status', 'trades', '"status"'],
  ['idx_trades_strategy_executed', 'trades', '"strategy_id", "executed_at"'],
  ['idx_positions_symbol', 'positions', '"symbol"'],
  ['idx_positions_strategy_id', 'positions', '"strategy_id"'],
  ['idx_positions_opened_at', 'positions', '"opened_at"'],
  ['idx_ai_decisions_strategy_id', 'ai_decisions', '"strategy_id"'],
  ['idx_ai_decisions_symbol', 'ai_decisions', '"symbol"'],
  ['idx_ai_decisions_status', 'ai_decisions', '"status"'],
  ['idx_ai_decisions_created_at', 'ai_decisions', '"created_at"'],
  ['idx_ai_decisions_status_created', 'ai_decisions', '"status", "created_at"'],
  ['idx_strategies_is_active', 'strategies', '"is_active"'],
  ['idx_strategies_type', 'strategies', '"type"'],
];

export class HotPathIndexes1795595446614 implements MigrationInterface {
  name = 'HotPathIndexes1795595446614';
  transaction = false as const;

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, table, columns] of INDEXES) {
      await queryRunner.query(
        `CREATE INDEX CONCURRENTLY IF NOT EXISTS "${name}" ON "${table}" (${columns})`,
      );
    }
  }

  // TypeORM reverts inside a transaction whatever `transaction` says, so the down step uses a
  // plain DROP INDEX: it is instant and needs only a brief lock.
  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of [...INDEXES].reverse()) {
      await queryRunner.query(`DROP INDEX IF EXISTS "public"."${name}"`);
    }
  }
}
