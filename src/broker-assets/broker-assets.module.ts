import { Module } from '@nestjs/common';
import { BrokerAssetsController } from './broker-assets.controller';
import { BrokerAssetsRepository } from './broker-assets.repository';
import { BrokerAssetsService } from './broker-assets.service';

@Module({
  controllers: [BrokerAssetsController],
  providers: [BrokerAssetsService, BrokerAssetsRepository],
})
export class BrokerAssetsModule {}
