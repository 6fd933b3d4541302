import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { IsDecimal } from '../common/validation/decimal';
import { AnalysisFeedback } from './entities/analysis-feedback.entity';
import { DataSourceAnalysis } from './entities/data-source-analysis.entity';
import { InsiderActivityAnalysis } from './entities/insider-activity-analysis.entity';
import { MacroAnalysis } from './entities/macro-analysis.entity';
import { MacroIndicator } from './entities/macro-indicator.entity';
import { ShortInterestAnalysis } from './entities/short-interest-analysis.entity';

/** The analysis tables served by the shared CRUD mechanism: only what differs is declared here. */
export const analysisResources: ResourceSpec[] = [
  resource({
    path: 'data-source-analyses',
    tag: 'analysis',
    entity: DataSourceAnalysis,
    label: 'data source analysis',
    filters: ['decisionId', 'symbol', 'source'],
    timeColumn: 'created_at',
    rules: { confidence: [IsDecimal({ min: '0', max: '1' })] },
  }),
  resource({
    path: 'analysis-feedback',
    tag: 'analysis',
    entity: AnalysisFeedback,
    label: 'analysis feedback',
    filters: ['symbol', 'source'],
    timeColumn: 'created_at',
  }),
  resource({
    path: 'macro-analyses',
    tag: 'analysis',
    entity: MacroAnalysis,
    label: 'macro analysis',
    filters: [],
    timeColumn: 'analysis_date',
  }),
  resource({
    path: 'macro-indicators',
    tag: 'analysis',
    entity: MacroIndicator,
    label: 'macro indicator',
    filters: ['category', 'indicatorId'],
    timeColumn: 'last_updated_at',
  }),
  resource({
    path: 'insider-activity-analyses',
    tag: 'analysis',
    entity: InsiderActivityAnalysis,
    label: 'insider activity analysis',
    filters: ['symbol'],
    timeColumn: 'analysis_date',
  }),
  resource({
    path: 'short-interest-analyses',
    tag: 'analysis',
    entity: ShortInterestAnalysis,
    label: 'short interest analysis',
    filters: ['symbol'],
    timeColumn: 'analysis_date',
  }),
];
