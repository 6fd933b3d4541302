import { Global, Module } from '@nestjs/common';
import { CrudService } from './crud.service';

/** The shared CRUD service the resource controllers of every feature call. */
@Global()
@Module({ providers: [CrudService], exports: [CrudService] })
export class CrudCoreModule {}
