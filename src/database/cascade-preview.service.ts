import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { EntityTarget, ObjectLiteral } from 'typeorm';
import { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { cascadeCountSql, countCascade } from './cascade-sql';
import type { Tx } from './transaction';

export interface DeletePreview {
  /** Rows the delete would remove, per table, the target row included. */
  wouldDelete: Record<string, number>;
}

/**
 * What a delete would remove, following every ON DELETE CASCADE key of the entity metadata
 * (chains and cycles included: a trade's decisions, their orders, those orders' fills and trades,
 * ...). SET NULL keys remove nothing and are not followed. A real delete made right after
 * removes the same rows unless someone writes in between.
 *
 * Counted by PostgreSQL in one statement (see cascade-sql.ts), run with JIT off (countCascade):
 * no id set ever reaches Node, so a strategy with a million trades costs the service one row per
 * table.
 */
@Injectable()
export class CascadePreviewService {
  /** The statement per root table, built once: the FK graph does not change at run time. */
  private readonly statements = new Map<EntityMetadata, string>();

  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  async preview<T extends ObjectLiteral>(
    target: EntityTarget<T>,
    id: string | number,
  ): Promise<DeletePreview> {
    const root = this.tx.tx.connection.getMetadata(target);
    const sql =
      this.statements.get(root) ?? cascadeCountSql(root, this.tx.tx.connection.entityMetadatas);
    this.statements.set(root, sql);
    // In the request's transaction when there is one (a delete's), else in its own.
    const rows = await this.tx.withTransaction(() =>
      countCascade((text, params) => this.tx.tx.query(text, params), sql, id),
    );
    const wouldDelete: Record<string, number> = {};
    for (const { tbl, n } of [...rows].sort((a, b) => a.tbl.localeCompare(b.tbl))) {
      if (Number(n) > 0) wouldDelete[tbl] = Number(n);
    }
    return { wouldDelete };
  }
}
