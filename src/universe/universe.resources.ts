import { IsIn } from 'class-validator';
import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { ForbiddenError } from '../common/errors/domain-errors';
import { AssetClassification } from './entities/asset-classification.entity';
import { UniverseAsset } from './entities/universe-asset.entity';
import { UniverseCandidate } from './entities/universe-candidate.entity';
import { UniverseFundamentals } from './entities/universe-fundamentals.entity';
import { UniverseLiquidityMetrics } from './entities/universe-liquidity-metrics.entity';
import { UniverseTechnicals } from './entities/universe-technicals.entity';

/** The universe tables served by the shared CRUD mechanism: only what differs is declared here. */
export const universeResources: ResourceSpec[] = [
  resource({
    path: 'universe-assets',
    tag: 'universe',
    entity: UniverseAsset,
    label: 'universe asset',
    filters: ['symbol', 'tradable', 'exchange'],
    timeColumn: 'last_refreshed_at',
  }),
  resource({
    path: 'universe-candidates',
    tag: 'universe',
    entity: UniverseCandidate,
    label: 'universe candidate',
    filters: ['symbol', 'status', 'tier'],
    timeColumn: 'created_at',
    rules: { status: [IsIn(['NEW', 'WATCHLIST', 'APPROVED', 'REJECTED'])] },
    readOnly: ['approvedBy', 'approvedAt'],
    transitions: {
      status: { values: ['APPROVED'], via: 'POST /api/universe-candidates/{id}/approve' },
    },
    // What an admin approved stays as approved unless an admin changes it.
    beforeUpdate: (row, caller) => {
      if (row.status === 'APPROVED' && !caller.isAdmin)
        throw new ForbiddenError('an approved candidate is changed by an administrator only');
    },
  }),
  resource({
    path: 'universe-fundamentals',
    tag: 'universe',
    entity: UniverseFundamentals,
    label: 'fundamentals',
    filters: ['symbol', 'sector'],
    timeColumn: 'last_updated_at',
  }),
  resource({
    path: 'universe-liquidity-metrics',
    tag: 'universe',
    entity: UniverseLiquidityMetrics,
    label: 'liquidity metrics',
    filters: ['symbol', 'liquidityTier'],
    timeColumn: 'last_updated_at',
  }),
  resource({
    path: 'universe-technicals',
    tag: 'universe',
    entity: UniverseTechnicals,
    label: 'technicals',
    filters: ['symbol'],
    timeColumn: 'date',
  }),
  resource({
    path: 'asset-classifications',
    tag: 'universe',
    entity: AssetClassification,
    label: 'asset classification',
    filters: ['symbol', 'assetClass', 'marketCapTier'],
    timeColumn: 'last_updated_at',
  }),
];
