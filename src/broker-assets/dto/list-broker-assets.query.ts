import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { BooleanQuery } from '../../common/validation/boolean-query';
import { toUpperCaseSymbol } from '../../common/validation/symbol';

export class ListBrokerAssetsQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: Boolean }) @BooleanQuery() tradable?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) assetClass?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) exchange?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) status?: string;

  @ApiPropertyOptional({ description: 'symbol prefix, case-insensitive', example: 'AA' })
  @IsOptional()
  @Transform(toUpperCaseSymbol)
  @Matches(/^[A-Z0-9.-]{1,15}$/, { message: 'symbol must be a symbol prefix' })
  symbol?: string;
}
