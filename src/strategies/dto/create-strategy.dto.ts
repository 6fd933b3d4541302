import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { SYMBOL_PATTERN, toUpperCaseSymbols } from '../../common/validation/symbol';

export class CreateStrategyDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Momentum large caps' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ minLength: 1, maxLength: 64, example: 'momentum' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  type!: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;

  @ApiPropertyOptional({ type: [String], example: ['AAPL', 'MSFT'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Transform(toUpperCaseSymbols)
  @Matches(SYMBOL_PATTERN, { each: true, message: 'each value in assets must be a ticker symbol' })
  assets?: string[];

  @ApiPropertyOptional({ maxLength: 100000, description: 'free-form parameters (JSON text)' })
  @IsOptional()
  @IsString()
  @MaxLength(100000)
  parameters?: string;
}
