import { Module } from '@nestjs/common';
import { BrokerAssetsController } from './broker-assets.controller';
import { BrokerAssetsService } from './broker-assets.service';

@Module({ controllers: [BrokerAssetsController], providers: [BrokerAssetsService] })
export class BrokerAssetsModule {}
