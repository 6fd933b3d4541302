import { ApiProperty } from '@nestjs/swagger';
import type { AiDecision } from '../../ai-decisions/entities/ai-decision.entity';
import type { Trade } from '../entities/trade.entity';

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

  static of(trade: Trade & { aiDecision?: AiDecision | null }): EnrichedTradeDto {
    const d = trade.aiDecision;
    return {
      id: trade.id,
      userId: trade.userId,
      strategyId: trade.strategyId,
      orderId: trade.orderId,
      symbol: trade.symbol,
      side: trade.side,
      quantity: trade.quantity,
      price: trade.price,
      executedAt: trade.executedAt,
      pnl: trade.pnl,
      status: trade.status,
      notes: trade.notes,
      traceId: trade.traceId,
      strategyName: trade.strategy?.name ?? null,
      aiDecision: d
        ? {
            id: d.id,
            symbol: d.symbol,
            action: d.action,
            confidence: d.confidence,
            reasoning: d.reasoning,
            status: d.status,
            createdAt: d.createdAt,
          }
        : null,
    };
  }
}
