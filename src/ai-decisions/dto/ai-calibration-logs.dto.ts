import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsDefined, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { IsDecimal } from '../../common/validation/decimal';
import { INT4_MAX } from '../../common/validation/integer';

/** POST /api/ai-calibration-logs: a new calibration log. */
export class CreateAiCalibrationLogDto {
  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  calibrationType!: string;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 3650, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  dataWindowDays?: number | null;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  totalDecisions?: number | null;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  winCount?: number | null;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  lossCount?: number | null;

  @IsOptional()
  @IsDecimal({ min: '0', max: '1' }, { api: { required: false, nullable: true } })
  avgConfidenceOnWins?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0', max: '1' }, { api: { required: false, nullable: true } })
  avgConfidenceOnLosses?: string | null;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  avgHoldingTimeWins?: number | null;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  avgHoldingTimeLosses?: number | null;

  @ApiPropertyOptional({ type: String, maxLength: 10_000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  topWinningSymbols?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 10_000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  topLosingSymbols?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 10_000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  recommendedAdjustments?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  modelVersion?: string | null;
}

/** PATCH /api/ai-calibration-logs/{id}: any subset of the create fields. */
export class UpdateAiCalibrationLogDto extends PartialType(CreateAiCalibrationLogDto) {}

/** GET /api/ai-calibration-logs: paging, plus equality filters on indexed columns. */
export class ListAiCalibrationLogsQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  calibrationType?: string;
}
