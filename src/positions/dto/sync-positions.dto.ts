import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, Matches, ValidateNested } from 'class-validator';
import {
  checks,
  compileListBody,
  FieldRule,
  transforms,
} from '../../common/validation/compiled-body';
import { DecimalRules, IsDecimal } from '../../common/validation/decimal';
import { SYMBOL_PATTERN, toUpperCaseSymbol } from '../../common/validation/symbol';

export const POSITION_SIDES = ['long', 'short'] as const;
export const MAX_SYNC_POSITIONS = 10_000;

/** One position as the broker (Alpaca) reports it: its own field names. */
export class BrokerPositionDto {
  @ApiProperty({ example: 'AAPL' })
  @Transform(toUpperCaseSymbol)
  @IsString()
  @Matches(SYMBOL_PATTERN, { message: 'symbol must be a ticker symbol' })
  symbol!: string;

  @IsDecimal({ positive: true }, { api: { example: '10' } })
  qty!: string;

  @IsDecimal({ positive: true }, { api: { example: '187.25' } })
  avg_entry_price!: string;

  @IsDecimal({ positive: true }, { api: { example: '190.10' } })
  current_price!: string;

  @IsDecimal({}, { api: { example: '28.5' } })
  unrealized_pl!: string;

  @ApiProperty({ enum: POSITION_SIDES })
  @IsIn(POSITION_SIDES, { message: 'side must be long or short' })
  side!: (typeof POSITION_SIDES)[number];
}

export class SyncPositionsDto {
  @ApiProperty({
    type: [BrokerPositionDto],
    description: 'the complete list; an empty list clears every position',
  })
  @IsArray()
  @ArrayMaxSize(MAX_SYNC_POSITIONS)
  @ValidateNested({ each: true })
  @Type(() => BrokerPositionDto)
  positions!: BrokerPositionDto[];
}

/** The body as the service receives it (a plain object: the compiled validator builds no class). */
export type SyncPositionsBody = { positions: BrokerPositionDto[] };

const decimal = (rules: DecimalRules): FieldRule => ({
  transform: transforms.decimal,
  checks: [checks.decimal(rules)],
});

/** SyncPositionsDto's rules, compiled once (see compiled-body.ts). */
export const validateSyncPositions = compileListBody<SyncPositionsBody>(
  'positions',
  {
    symbol: {
      transform: transforms.upperCaseSymbol,
      checks: [checks.isString(), checks.matches(SYMBOL_PATTERN, 'symbol must be a ticker symbol')],
    },
    qty: decimal({ positive: true }),
    avg_entry_price: decimal({ positive: true }),
    current_price: decimal({ positive: true }),
    unrealized_pl: decimal({}),
    side: { checks: [checks.isIn(POSITION_SIDES, 'side must be long or short')] },
  },
  { max: MAX_SYNC_POSITIONS },
);
