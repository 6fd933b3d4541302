import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
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
 */
@Injectable()
export class CascadePreviewService {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  async preview<T extends ObjectLiteral>(
    target: EntityTarget<T>,
    id: string | number,
  ): Promise<DeletePreview> {
    return this.walk(this.tx.tx, this.tx.tx.connection.getMetadata(target), id);
  }

  private async walk(
    manager: EntityManager,
    root: EntityMetadata,
    id: string | number,
  ): Promise<DeletePreview> {
    const seen = new Map<string, Set<string>>([[root.tableName, new Set([String(id)])]]);
    let frontier: Array<[EntityMetadata, string[]]> = [[root, [String(id)]]];
    const children = (parent: EntityMetadata) =>
      manager.connection.entityMetadatas.flatMap((m) =>
        m.foreignKeys
          .filter((fk) => fk.referencedEntityMetadata === parent && fk.onDelete === 'CASCADE')
          .map((fk) => ({ child: m, column: fk.columns[0].databaseName })),
      );

    while (frontier.length > 0) {
      const next: Array<[EntityMetadata, string[]]> = [];
      for (const [parent, ids] of frontier) {
        for (const { child, column } of children(parent)) {
          const rows: Array<{ id: string | number }> = await manager.query(
            `SELECT id FROM "${child.tableName}" WHERE "${column}"::text = ANY($1::text[])`,
            [ids],
          );
          const known = seen.get(child.tableName) ?? new Set<string>();
          seen.set(child.tableName, known);
          const fresh = rows.map((r) => String(r.id)).filter((r) => !known.has(r));
          fresh.forEach((r) => known.add(r));
          if (fresh.length > 0) next.push([child, fresh]);
        }
      }
      frontier = next;
    }
    const wouldDelete: Record<string, number> = {};
    for (const [table, ids] of [...seen.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      if (ids.size > 0) wouldDelete[table] = ids.size;
    }
    return { wouldDelete };
  }
}
