import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsDecimal } from '../../common/validation/decimal';

export class CreateFillDto {
  @ApiPropertyOptional({
    description: "the broker's fill id; a second fill with the same id is a 409",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  brokerFillId?: string;

  @IsDecimal({ positive: true }, { api: { example: '5' } })
  qty!: string;

  @IsDecimal({ positive: true }, { api: { example: '187.20' } })
  price!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) traceId?: string;
}
