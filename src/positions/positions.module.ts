import { Module } from '@nestjs/common';
import { PositionsController } from './positions.controller';
import { PositionsRepository } from './positions.repository';
import { PositionsService } from './positions.service';

@Module({ controllers: [PositionsController], providers: [PositionsService, PositionsRepository] })
export class PositionsModule {}
