import { Global, Module } from '@nestjs/common';
import { AccessPolicy } from './access-policy.service';
import { CascadeOwnership } from './ownership';

/** The access policy, available to every service that reads or writes tables. */
@Global()
@Module({ providers: [AccessPolicy, CascadeOwnership], exports: [AccessPolicy] })
export class AccessModule {}
