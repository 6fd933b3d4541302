import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  checks,
  compileListBody,
  FieldRule,
  transforms,
} from '../../common/validation/compiled-body';
import { IsDecimal } from '../../common/validation/decimal';
import { SYMBOL_PATTERN, toUpperCaseSymbol } from '../../common/validation/symbol';

export const MAX_BULK_ASSETS = 50_000;

export class BrokerAssetInputDto {
  @ApiProperty({
    description: "the broker's asset id",
    example: 'b0b6dd9d-8b9b-48a9-ba46-b9d54906e415',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  alpacaId!: string;

  @ApiProperty({ example: 'AAPL', description: 'stored upper-case' })
  @Transform(toUpperCaseSymbol)
  @IsString()
  @Matches(SYMBOL_PATTERN, { message: 'symbol must be a ticker symbol' })
  symbol!: string;

  @ApiProperty({ example: 'Apple Inc. Common Stock' })
  @IsString()
  @MaxLength(500)
  name!: string;

  @ApiProperty({ example: 'us_equity' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  assetClass!: string;

  @ApiProperty({ example: 'NASDAQ' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  exchange!: string;

  @ApiProperty({ example: 'active' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  status!: string;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() tradable?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() marginable?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() shortable?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() easyToBorrow?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() fractionable?: boolean;

  @IsOptional()
  @IsDecimal({ nonNegative: true }, { api: { required: false } })
  minOrderSize?: string;

  @IsOptional()
  @IsDecimal({ nonNegative: true }, { api: { required: false } })
  minTradeIncrement?: string;

  @IsOptional()
  @IsDecimal({ nonNegative: true }, { api: { required: false } })
  priceIncrement?: string;
}

export class BulkUpsertAssetsDto {
  @ApiProperty({ type: [BrokerAssetInputDto] })
  @IsArray()
  @ArrayMaxSize(MAX_BULK_ASSETS)
  @ValidateNested({ each: true })
  @Type(() => BrokerAssetInputDto)
  assets!: BrokerAssetInputDto[];
}

export class BulkUpsertResultDto {
  @ApiProperty() inserted!: number;
  @ApiProperty() updated!: number;
}

/** The body as the service receives it (a plain object: the compiled validator builds no class). */
export type BulkUpsertAssetsBody = { assets: BrokerAssetInputDto[] };

const text = (min: number, max: number): FieldRule => ({
  checks: [checks.isString(), ...(min > 0 ? [checks.minLength(min)] : []), checks.maxLength(max)],
});
const flag: FieldRule = { optional: true, checks: [checks.isBoolean()] };
const increment: FieldRule = {
  optional: true,
  transform: transforms.decimal,
  checks: [checks.decimal({ nonNegative: true })],
};

/** BulkUpsertAssetsDto's rules, compiled once (see compiled-body.ts). */
export const validateBulkUpsertAssets = compileListBody<BulkUpsertAssetsBody>(
  'assets',
  {
    alpacaId: text(1, 100),
    symbol: {
      transform: transforms.upperCaseSymbol,
      checks: [checks.isString(), checks.matches(SYMBOL_PATTERN, 'symbol must be a ticker symbol')],
    },
    name: text(0, 500),
    assetClass: text(1, 50),
    exchange: text(1, 50),
    status: text(1, 50),
    tradable: flag,
    marginable: flag,
    shortable: flag,
    easyToBorrow: flag,
    fractionable: flag,
    minOrderSize: increment,
    minTradeIncrement: increment,
    priceIncrement: increment,
  },
  { max: MAX_BULK_ASSETS },
);
