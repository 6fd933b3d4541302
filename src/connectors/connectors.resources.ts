import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { ConnectorMetrics } from './entities/connector-metrics.entity';
import { ExternalApiCacheEntry } from './entities/external-api-cache-entry.entity';
import { ExternalApiUsageCounter } from './entities/external-api-usage-counter.entity';
import { ValyuRetrievalCounter } from './entities/valyu-retrieval-counter.entity';
import {
  CreateConnectorMetricsDto,
  UpdateConnectorMetricsDto,
  ListConnectorMetricsQuery,
} from './dto/connector-metrics.dto';
import {
  CreateExternalApiCacheEntryDto,
  UpdateExternalApiCacheEntryDto,
  ListExternalApiCacheEntriesQuery,
} from './dto/external-api-cache-entries.dto';
import {
  CreateExternalApiUsageCounterDto,
  UpdateExternalApiUsageCounterDto,
  ListExternalApiUsageCountersQuery,
} from './dto/external-api-usage-counters.dto';
import {
  CreateValyuRetrievalCounterDto,
  UpdateValyuRetrievalCounterDto,
  ListValyuRetrievalCountersQuery,
} from './dto/valyu-retrieval-counters.dto';

export const connectorMetrics = resource({
  path: 'connector-metrics',
  tag: 'connectors',
  entity: ConnectorMetrics,
  label: 'connector metrics',
  createDto: CreateConnectorMetricsDto,
  updateDto: UpdateConnectorMetricsDto,
  listQuery: ListConnectorMetricsQuery,
  filters: ['connector', 'endpoint'],
  timeColumn: 'date',
});

export const externalApiCacheEntries = resource({
  path: 'external-api-cache-entries',
  tag: 'connectors',
  entity: ExternalApiCacheEntry,
  label: 'cache entry',
  createDto: CreateExternalApiCacheEntryDto,
  updateDto: UpdateExternalApiCacheEntryDto,
  listQuery: ListExternalApiCacheEntriesQuery,
  filters: ['provider', 'cacheKey'],
  timeColumn: 'created_at',
});

export const externalApiUsageCounters = resource({
  path: 'external-api-usage-counters',
  tag: 'connectors',
  entity: ExternalApiUsageCounter,
  label: 'usage counter',
  createDto: CreateExternalApiUsageCounterDto,
  updateDto: UpdateExternalApiUsageCounterDto,
  listQuery: ListExternalApiUsageCountersQuery,
  filters: ['provider', 'windowType'],
  timeColumn: 'created_at',
});

export const valyuRetrievalCounters = resource({
  path: 'valyu-retrieval-counters',
  tag: 'connectors',
  entity: ValyuRetrievalCounter,
  label: 'retrieval counter',
  createDto: CreateValyuRetrievalCounterDto,
  updateDto: UpdateValyuRetrievalCounterDto,
  listQuery: ListValyuRetrievalCountersQuery,
  filters: ['sourceTier', 'monthKey'],
  timeColumn: 'last_updated',
});

/** The connectors tables served by the shared CRUD mechanism: each names its DTOs and what differs. */
export const connectorsResources: ResourceSpec[] = [
  connectorMetrics,
  externalApiCacheEntries,
  externalApiUsageCounters,
  valyuRetrievalCounters,
];
