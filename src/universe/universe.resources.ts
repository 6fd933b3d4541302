import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { AssetClassification } from './entities/asset-classification.entity';
import { UniverseAsset } from './entities/universe-asset.entity';
import { UniverseCandidate } from './entities/universe-candidate.entity';
import { UniverseFundamentals } from './entities/universe-fundamentals.entity';
import { UniverseLiquidityMetrics } from './entities/universe-liquidity-metrics.entity';
import { UniverseTechnicals } from './entities/universe-technicals.entity';
import {
  CreateUniverseAssetDto,
  UpdateUniverseAssetDto,
  ListUniverseAssetsQuery,
} from './dto/universe-assets.dto';
import {
  CreateUniverseCandidateDto,
  UpdateUniverseCandidateDto,
  ListUniverseCandidatesQuery,
} from './dto/universe-candidates.dto';
import {
  CreateUniverseFundamentalsDto,
  UpdateUniverseFundamentalsDto,
  ListUniverseFundamentalsQuery,
} from './dto/universe-fundamentals.dto';
import {
  CreateUniverseLiquidityMetricsDto,
  UpdateUniverseLiquidityMetricsDto,
  ListUniverseLiquidityMetricsQuery,
} from './dto/universe-liquidity-metrics.dto';
import {
  CreateUniverseTechnicalsDto,
  UpdateUniverseTechnicalsDto,
  ListUniverseTechnicalsQuery,
} from './dto/universe-technicals.dto';
import {
  CreateAssetClassificationDto,
  UpdateAssetClassificationDto,
  ListAssetClassificationsQuery,
} from './dto/asset-classifications.dto';

export const universeAssets = resource({
  path: 'universe-assets',
  tag: 'universe',
  entity: UniverseAsset,
  label: 'universe asset',
  createDto: CreateUniverseAssetDto,
  updateDto: UpdateUniverseAssetDto,
  listQuery: ListUniverseAssetsQuery,
  filters: ['symbol', 'tradable', 'exchange'],
  timeColumn: 'last_refreshed_at',
});

export const universeCandidates = resource({
  path: 'universe-candidates',
  tag: 'universe',
  entity: UniverseCandidate,
  label: 'universe candidate',
  createDto: CreateUniverseCandidateDto,
  updateDto: UpdateUniverseCandidateDto,
  listQuery: ListUniverseCandidatesQuery,
  filters: ['symbol', 'status', 'tier'],
  timeColumn: 'created_at',
  // What an admin approved stays as approved unless an admin changes or deletes it
  // (src/auth/policy/admin-states.ts applies that to every verb). An admin approves through the
  // approve route too, which records who approved and when.
  transitions: {
    status: { values: ['APPROVED'], via: 'POST /api/universe-candidates/{id}/approve' },
  },
});

export const universeFundamentals = resource({
  path: 'universe-fundamentals',
  tag: 'universe',
  entity: UniverseFundamentals,
  label: 'fundamentals',
  createDto: CreateUniverseFundamentalsDto,
  updateDto: UpdateUniverseFundamentalsDto,
  listQuery: ListUniverseFundamentalsQuery,
  filters: ['symbol', 'sector'],
  timeColumn: 'last_updated_at',
});

export const universeLiquidityMetrics = resource({
  path: 'universe-liquidity-metrics',
  tag: 'universe',
  entity: UniverseLiquidityMetrics,
  label: 'liquidity metrics',
  createDto: CreateUniverseLiquidityMetricsDto,
  updateDto: UpdateUniverseLiquidityMetricsDto,
  listQuery: ListUniverseLiquidityMetricsQuery,
  filters: ['symbol', 'liquidityTier'],
  timeColumn: 'last_updated_at',
});

export const universeTechnicals = resource({
  path: 'universe-technicals',
  tag: 'universe',
  entity: UniverseTechnicals,
  label: 'technicals',
  createDto: CreateUniverseTechnicalsDto,
  updateDto: UpdateUniverseTechnicalsDto,
  listQuery: ListUniverseTechnicalsQuery,
  filters: ['symbol'],
  timeColumn: 'date',
});

export const assetClassifications = resource({
  path: 'asset-classifications',
  tag: 'universe',
  entity: AssetClassification,
  label: 'asset classification',
  createDto: CreateAssetClassificationDto,
  updateDto: UpdateAssetClassificationDto,
  listQuery: ListAssetClassificationsQuery,
  filters: ['symbol', 'assetClass', 'marketCapTier'],
  timeColumn: 'last_updated_at',
});

/** The universe tables served by the shared CRUD mechanism: each names its DTOs and what differs. */
export const universeResources: ResourceSpec[] = [
  universeAssets,
  universeCandidates,
  universeFundamentals,
  universeLiquidityMetrics,
  universeTechnicals,
  assetClassifications,
];
