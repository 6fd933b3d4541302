import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsDefined, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { IsDecimal } from '../../common/validation/decimal';

/** POST /api/backtest-equity-curve: a new equity point. */
export class CreateBacktestEquityPointDto {
  @ApiProperty({ type: String, format: 'uuid' })
  @IsDefined()
  @IsUUID('all')
  runId!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @IsDefined()
  @IsISO8601({ strict: true })
  ts!: string;

  @IsDefined()
  @IsDecimal({ min: '0' }, { api: { required: true } })
  equity!: string;

  @IsDefined()
  @IsDecimal({ min: '0' }, { api: { required: true } })
  cash!: string;

  @IsDefined()
  @IsDecimal({}, { api: { required: true } })
  exposure!: string;
}

/** PATCH /api/backtest-equity-curve/{id}: any subset of the create fields. */
export class UpdateBacktestEquityPointDto extends PartialType(CreateBacktestEquityPointDto) {}

/** GET /api/backtest-equity-curve: paging, plus equality filters on indexed columns. */
export class ListBacktestEquityCurveQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  runId?: string;
}
