import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { BooleanQuery } from '../../common/validation/boolean-query';

export class ListStrategiesQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: Boolean })
  @BooleanQuery()
  isActive?: boolean;

  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  type?: string;
}
