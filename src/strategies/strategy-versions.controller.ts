import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { IsInt, IsIn, Min } from 'class-validator';
import { Audited } from '../audit/audited.decorator';
import { CrudService } from '../common/crud/crud.service';
import { createDtoFor } from '../common/crud/dto-factory';
import { NotFoundError } from '../common/errors/domain-errors';
import { ApiErrorResponses, ApiPageResponse } from '../common/http/api-docs';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import { UuidParam } from '../common/validation/uuid-param';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Tx } from '../database/transaction';
import { Strategy } from './entities/strategy.entity';
import { StrategyVersion } from './entities/strategy-version.entity';

export const CreateVersionDto = createDtoFor(
  'CreateStrategyVersionDto',
  StrategyVersion,
  { version: [IsInt(), Min(1)], status: [IsIn(['draft', 'active', 'archived'])] },
  ['strategyId', 'activatedAt'],
);

/** A strategy's versions: numbers unique per strategy (409 on a repeat), one active at a time. */
@ApiTags('strategies')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('strategies/:strategyId/versions')
export class StrategyVersionsController {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly crud: CrudService,
  ) {}

  private async assertStrategy(id: string): Promise<void> {
    if (!(await this.tx.tx.getRepository(Strategy).existsBy({ id })))
      throw new NotFoundError('strategy', id);
  }

  @Get()
  @ApiPageResponse(StrategyVersion)
  async list(
    @UuidParam('strategyId') strategyId: string,
    @Query() query: ListQueryDto,
  ): Promise<Page<StrategyVersion>> {
    await this.assertStrategy(strategyId);
    return this.crud.listChildren(StrategyVersion, 'strategy_id', strategyId, query, 'created_at');
  }

  @Post()
  @ApiBody({ type: CreateVersionDto })
  @ApiCreatedResponse({ type: StrategyVersion })
  async create(
    @UuidParam('strategyId') strategyId: string,
    @Body() dto: object,
  ): Promise<StrategyVersion> {
    await this.assertStrategy(strategyId);
    const repo = this.tx.tx.getRepository(StrategyVersion);
    const { identifiers } = await repo.insert({
      ...(dto as object),
      strategyId,
    } as QueryDeepPartialEntity<StrategyVersion>);
    return repo.findOneByOrFail({ id: identifiers[0].id as string });
  }

  /** Makes this version the strategy's active one and archives the previous one, in one transaction. */
  @Post(':id/activate')
  @HttpCode(200)
  @Audited('activate', 'strategy_versions')
  @ApiOkResponse({ type: StrategyVersion })
  async activate(
    @UuidParam('strategyId') strategyId: string,
    @UuidParam() id: string,
  ): Promise<StrategyVersion> {
    return this.tx.withTransaction(async () => {
      const repo = this.tx.tx.getRepository(StrategyVersion);
      const version = await repo
        .createQueryBuilder('v')
        .setLock('pessimistic_write')
        .where('v.id = :id AND v.strategy_id = :strategyId', { id, strategyId })
        .getOne();
      if (!version) throw new NotFoundError('strategy version', id);
      await this.tx.tx.query(
        `UPDATE strategy_versions SET status = 'archived' WHERE strategy_id = $1 AND status = 'active' AND id <> $2`,
        [strategyId, id],
      );
      await this.tx.tx.query(
        `UPDATE strategy_versions SET status = 'active', activated_at = now() WHERE id = $1`,
        [id],
      );
      return repo.findOneByOrFail({ id });
    });
  }
}
Reflect.defineMetadata(
  'design:paramtypes',
  [String, CreateVersionDto],
  StrategyVersionsController.prototype,
  'create',
);
