import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { AnalysisFeedback } from './entities/analysis-feedback.entity';
import { DataSourceAnalysis } from './entities/data-source-analysis.entity';
import { InsiderActivityAnalysis } from './entities/insider-activity-analysis.entity';
import { MacroAnalysis } from './entities/macro-analysis.entity';
import { MacroIndicator } from './entities/macro-indicator.entity';
import { ShortInterestAnalysis } from './entities/short-interest-analysis.entity';
import {
  CreateDataSourceAnalysisDto,
  UpdateDataSourceAnalysisDto,
  ListDataSourceAnalysesQuery,
} from './dto/data-source-analyses.dto';
import {
  CreateAnalysisFeedbackDto,
  UpdateAnalysisFeedbackDto,
  ListAnalysisFeedbackQuery,
} from './dto/analysis-feedback.dto';
import {
  CreateMacroAnalysisDto,
  UpdateMacroAnalysisDto,
  ListMacroAnalysesQuery,
} from './dto/macro-analyses.dto';
import {
  CreateMacroIndicatorDto,
  UpdateMacroIndicatorDto,
  ListMacroIndicatorsQuery,
} from './dto/macro-indicators.dto';
import {
  CreateInsiderActivityAnalysisDto,
  UpdateInsiderActivityAnalysisDto,
  ListInsiderActivityAnalysesQuery,
} from './dto/insider-activity-analyses.dto';
import {
  CreateShortInterestAnalysisDto,
  UpdateShortInterestAnalysisDto,
  ListShortInterestAnalysesQuery,
} from './dto/short-interest-analyses.dto';

export const dataSourceAnalyses = resource({
  path: 'data-source-analyses',
  tag: 'analysis',
  entity: DataSourceAnalysis,
  label: 'data source analysis',
  createDto: CreateDataSourceAnalysisDto,
  updateDto: UpdateDataSourceAnalysisDto,
  listQuery: ListDataSourceAnalysesQuery,
  filters: ['decisionId', 'symbol', 'source'],
  timeColumn: 'created_at',
});

export const analysisFeedback = resource({
  path: 'analysis-feedback',
  tag: 'analysis',
  entity: AnalysisFeedback,
  label: 'analysis feedback',
  createDto: CreateAnalysisFeedbackDto,
  updateDto: UpdateAnalysisFeedbackDto,
  listQuery: ListAnalysisFeedbackQuery,
  filters: ['symbol', 'source'],
  timeColumn: 'created_at',
});

export const macroAnalyses = resource({
  path: 'macro-analyses',
  tag: 'analysis',
  entity: MacroAnalysis,
  label: 'macro analysis',
  createDto: CreateMacroAnalysisDto,
  updateDto: UpdateMacroAnalysisDto,
  listQuery: ListMacroAnalysesQuery,
  filters: [],
  timeColumn: 'analysis_date',
});

export const macroIndicators = resource({
  path: 'macro-indicators',
  tag: 'analysis',
  entity: MacroIndicator,
  label: 'macro indicator',
  createDto: CreateMacroIndicatorDto,
  updateDto: UpdateMacroIndicatorDto,
  listQuery: ListMacroIndicatorsQuery,
  filters: ['category', 'indicatorId'],
  timeColumn: 'last_updated_at',
});

export const insiderActivityAnalyses = resource({
  path: 'insider-activity-analyses',
  tag: 'analysis',
  entity: InsiderActivityAnalysis,
  label: 'insider activity analysis',
  createDto: CreateInsiderActivityAnalysisDto,
  updateDto: UpdateInsiderActivityAnalysisDto,
  listQuery: ListInsiderActivityAnalysesQuery,
  filters: ['symbol'],
  timeColumn: 'analysis_date',
});

export const shortInterestAnalyses = resource({
  path: 'short-interest-analyses',
  tag: 'analysis',
  entity: ShortInterestAnalysis,
  label: 'short interest analysis',
  createDto: CreateShortInterestAnalysisDto,
  updateDto: UpdateShortInterestAnalysisDto,
  listQuery: ListShortInterestAnalysesQuery,
  filters: ['symbol'],
  timeColumn: 'analysis_date',
});

/** The analysis tables served by the shared CRUD mechanism: each names its DTOs and what differs. */
export const analysisResources: ResourceSpec[] = [
  dataSourceAnalyses,
  analysisFeedback,
  macroAnalyses,
  macroIndicators,
  insiderActivityAnalyses,
  shortInterestAnalyses,
];
