import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiPageResponse } from '../common/http/api-docs';
import { Page } from '../common/pagination/page';
import { UuidParam } from '../common/validation/uuid-param';
import { CreateStrategyDto } from './dto/create-strategy.dto';
import { ListStrategiesQuery } from './dto/list-strategies.query';
import { UpdateStrategyDto } from './dto/update-strategy.dto';
import { Strategy } from './entities/strategy.entity';
import { StrategiesService } from './strategies.service';

@ApiTags('strategies')
@ApiErrorResponses()
@Controller('strategies')
export class StrategiesController {
  constructor(private readonly strategies: StrategiesService) {}

  @Get()
  @ApiPageResponse(Strategy)
  list(@Query() query: ListStrategiesQuery): Promise<Page<Strategy>> {
    return this.strategies.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: Strategy })
  get(@UuidParam() id: string): Promise<Strategy> {
    return this.strategies.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: Strategy })
  create(@Body() dto: CreateStrategyDto): Promise<Strategy> {
    return this.strategies.create(dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: Strategy })
  update(@UuidParam() id: string, @Body() dto: UpdateStrategyDto): Promise<Strategy> {
    return this.strategies.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@UuidParam() id: string): Promise<void> {
    return this.strategies.remove(id);
  }
}
