import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { ConnectorMetrics } from './entities/connector-metrics.entity';
import { ExternalApiCacheEntry } from './entities/external-api-cache-entry.entity';
import { ExternalApiUsageCounter } from './entities/external-api-usage-counter.entity';
import { ValyuRetrievalCounter } from './entities/valyu-retrieval-counter.entity';

/** The connectors tables served by the shared CRUD mechanism: only what differs is declared here. */
export const connectorsResources: ResourceSpec[] = [
  resource({
    path: 'connector-metrics',
    tag: 'connectors',
    entity: ConnectorMetrics,
    label: 'connector metrics',
    filters: ['connector', 'endpoint'],
    timeColumn: 'date',
  }),
  resource({
    path: 'external-api-cache-entries',
    tag: 'connectors',
    entity: ExternalApiCacheEntry,
    label: 'cache entry',
    filters: ['provider', 'cacheKey'],
    timeColumn: 'created_at',
  }),
  resource({
    path: 'external-api-usage-counters',
    tag: 'connectors',
    entity: ExternalApiUsageCounter,
    label: 'usage counter',
    filters: ['provider', 'windowType'],
    timeColumn: 'created_at',
  }),
  resource({
    path: 'valyu-retrieval-counters',
    tag: 'connectors',
    entity: ValyuRetrievalCounter,
    label: 'retrieval counter',
    filters: ['sourceTier', 'monthKey'],
    timeColumn: 'last_updated',
  }),
];
