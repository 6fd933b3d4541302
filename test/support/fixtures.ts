import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

/** A value for a required column: unique enough for unique constraints, valid for checks. */
function valueFor(column: ColumnMetadata): unknown {
  const type = String(column.type);
  if (column.isArray) return [];
  switch (type) {
    case 'uuid':
      return randomUUID();
    case 'integer':
    case 'int':
      return 1;
    case 'numeric':
      return '1';
    case 'boolean':
      return false;
    case 'jsonb':
      return {};
    case 'timestamptz':
      return new Date();
    default:
      // Upper-case letters satisfy every text rule of the schema (e.g. upper-case symbols).
      return `T${randomBytes(5).toString('hex').toUpperCase()}`;
  }
}

function isRequired(column: ColumnMetadata): boolean {
  return (
    !column.isNullable &&
    !column.isGenerated &&
    column.default === undefined &&
    !column.isCreateDate &&
    !column.isUpdateDate
  );
}

export interface InsertedRow {
  table: string;
  id: string | number;
}

/**
 * Inserts a minimal valid row into any table, creating the parents its required foreign keys
 * need (and, when `withOptionalParents`, those of its nullable ones too). Everything is derived
 * from the entity metadata, so new tables and keys need no fixture code.
 */
export async function insertRow(
  manager: EntityManager,
  metadata: EntityMetadata,
  overrides: Record<string, unknown> = {},
  withOptionalParents = false,
): Promise<InsertedRow> {
  const values: Record<string, unknown> = {};
  for (const fk of metadata.foreignKeys) {
    const column = fk.columns[0];
    if (column.propertyName in overrides) continue;
    if (!column.isNullable || withOptionalParents) {
      const parent = await insertRow(manager, fk.referencedEntityMetadata, {}, false);
      values[column.databaseName] = parent.id;
    }
  }
  for (const column of metadata.columns) {
    if (column.databaseName in values || column.relationMetadata) continue;
    if (column.propertyName in overrides) {
      values[column.databaseName] = overrides[column.propertyName];
    } else if (isRequired(column)) {
      values[column.databaseName] = valueFor(column);
    }
  }
  for (const [prop, value] of Object.entries(overrides)) {
    const column = metadata.findColumnWithPropertyName(prop);
    if (column) values[column.databaseName] = value;
  }
  const names = Object.keys(values);
  const sql =
    names.length === 0
      ? `INSERT INTO "${metadata.tableName}" DEFAULT VALUES RETURNING id`
      : `INSERT INTO "${metadata.tableName}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names
          .map((_, i) => `$${i + 1}`)
          .join(', ')}) RETURNING id`;
  const rows: Array<{ id: string | number }> = await manager.query(sql, Object.values(values));
  return { table: metadata.tableName, id: rows[0].id };
}

export function metadataOf(dataSource: DataSource, table: string): EntityMetadata {
  const found = dataSource.entityMetadatas.find((m) => m.tableName === table);
  if (!found) throw new Error(`no entity for table ${table}`);
  return found;
}
