import { DynamicModule, Global, Module } from '@nestjs/common';
import { crudController } from './crud.controller';
import { CrudRepository } from './crud.repository';
import { CrudService } from './crud.service';
import { ResourceSpec } from './resource-spec';

@Global()
@Module({ providers: [CrudService, CrudRepository], exports: [CrudService] })
export class CrudCoreModule {}

/** The REST routes of a domain's tables, one controller per spec. */
export function crudResources(domain: string, specs: ResourceSpec[]): DynamicModule {
  class DomainResources {}
  Object.defineProperty(DomainResources, 'name', { value: `${domain}ResourcesModule` });
  return { module: DomainResources, controllers: specs.map(crudController) };
}
