import { getMetadataStorage } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { adminSettingsResources } from '../../src/admin-settings/admin-settings.resources';
import { aiDecisionsResources } from '../../src/ai-decisions/ai-decisions.resources';
import { alertsResources } from '../../src/alerts/alerts.resources';
import { allocationResources } from '../../src/allocation/allocation.resources';
import { analysisResources } from '../../src/analysis/analysis.resources';
import { arenaResources } from '../../src/arena/arena.resources';
import { backtestsResources } from '../../src/backtests/backtests.resources';
import type { ResourceSpec } from '../../src/common/crud/resource-spec';
import { competitionResources } from '../../src/competition/competition.resources';
import { connectorsResources } from '../../src/connectors/connectors.resources';
import { conversationsResources } from '../../src/conversations/conversations.resources';
import { debateResources } from '../../src/debate/debate.resources';
import { llmResources } from '../../src/llm/llm.resources';
import { strategiesResources } from '../../src/strategies/strategies.resources';
import { universeResources } from '../../src/universe/universe.resources';
import { workItemsResources } from '../../src/work-items/work-items.resources';
import { insertRow } from './fixtures';
import type { TestApp } from './test-app';

/** Every resource served by the shared CRUD mechanism. */
export const SPECS: ResourceSpec[] = [
  ...strategiesResources,
  ...backtestsResources,
  ...debateResources,
  ...arenaResources,
  ...competitionResources,
  ...workItemsResources,
  ...alertsResources,
  ...aiDecisionsResources,
  ...analysisResources,
  ...universeResources,
  ...allocationResources,
  ...llmResources,
  ...connectorsResources,
  ...conversationsResources,
  ...adminSettingsResources,
];

/** Validation metadata of a DTO, to find its enums and bounded decimals. */
export function constraintsOf(dto: object) {
  return getMetadataStorage().getTargetValidationMetadatas(
    dto as new () => object,
    '',
    true,
    false,
  );
}

const unique = () => `T${randomBytes(5).toString('hex').toUpperCase()}`;

/** A valid create body: required columns filled by type, required parents created in SQL. */
export async function validBodyFor(
  t: TestApp,
  spec: ResourceSpec,
): Promise<Record<string, unknown>> {
  const meta = t.dataSource.getMetadata(spec.entity);
  const body: Record<string, unknown> = {};
  const enums = new Map<string, unknown[]>();
  // Columns the server fills (owner, who-did-it) are not part of the body.
  const accepted = new Set(constraintsOf(spec.createDto).map((c) => c.propertyName));
  for (const c of constraintsOf(spec.createDto)) {
    if (c.name === 'isIn' || c.type === 'isIn')
      enums.set(c.propertyName, c.constraints?.[0] as unknown[]);
  }
  for (const column of meta.columns) {
    const required =
      !column.isNullable &&
      column.default === undefined &&
      !column.isGenerated &&
      !column.isCreateDate &&
      !column.isUpdateDate;
    const prop = column.propertyName;
    if (!required || !accepted.has(prop)) continue;
    const fk = meta.foreignKeys.find((f) => f.columns[0].propertyName === prop);
    if (!fk && column.relationMetadata) continue;
    if (fk) {
      body[prop] = (await insertRow(t.dataSource.manager, fk.referencedEntityMetadata)).id;
    } else if (enums.has(prop)) {
      body[prop] = enums.get(prop)![0];
    } else if (column.isArray) {
      body[prop] = ['A', 'B'];
    } else {
      const type = String(column.type);
      body[prop] =
        type === 'numeric'
          ? '1.5'
          : type === 'integer'
            ? 1
            : type === 'boolean'
              ? true
              : type === 'jsonb'
                ? { k: 'v' }
                : type === 'timestamptz'
                  ? new Date().toISOString()
                  : type === 'uuid'
                    ? '3f1c2a9e-7b4d-4e8f-9a6b-1c2d3e4f5a6b'
                    : unique();
    }
  }
  return body;
}
