import { Global, Module } from '@nestjs/common';
import { AccessPolicy } from './access-policy.service';

/** The access policy, available to every service that reads or writes tables. */
@Global()
@Module({ providers: [AccessPolicy], exports: [AccessPolicy] })
export class AccessModule {}
