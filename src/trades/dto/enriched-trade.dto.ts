import { ApiProperty } from '@nestjs/swagger';

/** The AI decision that executed a trade, as shown inside an enriched trade. */
export class LinkedDecisionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() symbol!: string;
  @ApiProperty() action!: string;
  @ApiProperty({ type: String, nullable: true, description: 'decimal' }) confidence!: string | null;
  @ApiProperty({ type: String, nullable: true }) reasoning!: string | null;
  @ApiProperty() status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

export class EnrichedTradeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) strategyId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) orderId!: string | null;
  @ApiProperty() symbol!: string;
  @ApiProperty({ enum: ['buy', 'sell'] }) side!: string;
  @ApiProperty({ description: 'decimal' }) quantity!: string;
  @ApiProperty({ description: 'decimal' }) price!: string;
  @ApiProperty({ type: String, format: 'date-time' }) executedAt!: Date;
  @ApiProperty({ type: String, nullable: true, description: 'decimal' }) pnl!: string | null;
  @ApiProperty() status!: string;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ type: String, nullable: true }) traceId!: string | null;
  @ApiProperty({ type: String, nullable: true }) strategyName!: string | null;
  @ApiProperty({ type: LinkedDecisionDto, nullable: true }) aiDecision!: LinkedDecisionDto | null;
}
