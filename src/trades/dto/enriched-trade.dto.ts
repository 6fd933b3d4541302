import { ApiProperty } from '@nestjs/swagger';
import type { EnrichedTradeRow } from '../trades.query';

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

  /** Straight from the statement's row: no entity graph, no class-transformer on the way out. */
  static fromRow(r: EnrichedTradeRow): EnrichedTradeDto {
    return {
      id: r.id,
      userId: r.user_id,
      strategyId: r.strategy_id,
      orderId: r.order_id,
      symbol: r.symbol,
      side: r.side,
      quantity: r.quantity,
      price: r.price,
      executedAt: r.executed_at,
      pnl: r.pnl,
      status: r.status,
      notes: r.notes,
      traceId: r.trace_id,
      strategyName: r.strategy_name,
      aiDecision:
        r.d_id === null
          ? null
          : {
              id: r.d_id,
              symbol: r.d_symbol as string,
              action: r.d_action as string,
              confidence: r.d_confidence,
              reasoning: r.d_reasoning,
              status: r.d_status as string,
              createdAt: r.d_created_at as Date,
            },
    };
  }
}
