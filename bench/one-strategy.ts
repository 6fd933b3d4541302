import type { Client } from 'pg';
import { withTemplateCopy } from './template-copy';

/**
 * The largest cascade the data set can have: a copy of the seeded database in which every trade
 * belongs to one strategy. Their decisions keep the strategies they had, so a preview of
 * deleting that strategy reaches nearly all of them only through the trades -> ai_decisions key
 * of the cascade cycle, not through strategy_id: the worst case for counting the cycle. Vacuumed as autovacuum would after such an update, so that
 * counts can use index-only scans. Returns the strategy and its trade count.
 */
export async function createOneStrategyCopy(
  admin: Client,
  source: string,
  target: string,
  targetUrl: string,
): Promise<{ strategyId: string; trades: number }> {
  return withTemplateCopy(admin, source, target, targetUrl, async (c) => {
    const { rows } = (await c.query(`SELECT id FROM strategies ORDER BY name LIMIT 1`)) as {
      rows: Array<{ id: string }>;
    };
    const strategyId = rows[0].id;
    const updated = await c.query('UPDATE trades SET strategy_id = $1', [strategyId]);
    await c.query('VACUUM ANALYZE trades');
    return { strategyId, trades: updated.rowCount ?? 0 };
  });
}
