import { Global, Module } from '@nestjs/common';
import { CrudRepository } from './crud.repository';
import { CrudService } from './crud.service';

/** The shared CRUD service the resource controllers of every feature call. */
@Global()
@Module({ providers: [CrudService, CrudRepository], exports: [CrudService] })
export class CrudCoreModule {}
