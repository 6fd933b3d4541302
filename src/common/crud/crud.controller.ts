import {
  Body,
  Controller,
  Delete,
  Get,
  Patch,
  Post,
  Query,
  Res,
  Type as ClassType,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/decorators';
import { Reads, Writes } from '../../auth/policy/route-access';
import { AuditRedact } from '../../audit/audited.decorator';
import { DeletePreview } from '../../database/cascade-preview.service';
import { ApiDeleteResponses, ApiErrorResponses, ApiPageResponse } from '../http/api-docs';
import { respondToDelete } from '../http/delete-response';
import { ListQueryDto } from '../pagination/list-query.dto';
import { DeleteQuery } from '../validation/delete-query.dto';
import { IntIdParam, UuidParam } from '../validation/uuid-param';
import { CrudService } from './crud.service';
import { ResourceSpec } from './resource-spec';

type Route = NonNullable<ResourceSpec['routes']>[number];
const ALL: Route[] = ['list', 'get', 'create', 'update', 'delete'];

/**
 * A controller for one ResourceSpec: list (paging + equality filters), get, create, patch and
 * delete (with `?dryRun=true`), documented in OpenAPI with the spec's DTOs. Routes the spec does
 * not list are not mounted.
 */
export function crudController(spec: ResourceSpec): ClassType<unknown> {
  const routes = new Set(spec.routes ?? ALL);

  @ApiTags(spec.tag)
  @AuditRedact(...(spec.auditRedact ?? []))
  @ApiBearerAuth()
  @ApiErrorResponses()
  @Controller(spec.path)
  class ResourceController {
    constructor(readonly crud: CrudService) {}

    list(query: ListQueryDto, caller: AuthUser) {
      return this.crud.list(spec, query, caller);
    }

    get(id: string | number, caller: AuthUser) {
      return this.crud.get(spec, id, caller);
    }

    create(dto: object, caller: AuthUser) {
      return this.crud.create(spec, dto, caller);
    }

    update(id: string | number, dto: object, caller: AuthUser) {
      return this.crud.update(spec, id, dto, caller);
    }

    async remove(
      id: string | number,
      query: DeleteQuery,
      res: Response,
      caller: AuthUser,
    ): Promise<DeletePreview | void> {
      return respondToDelete(res, await this.crud.remove(spec, id, caller, query));
    }
  }
  Object.defineProperty(ResourceController, 'name', {
    value: `${spec.entity.name}ResourceController`,
  });

  const proto = ResourceController.prototype as unknown as Record<string, unknown>;
  const method = (
    name: string,
    types: unknown[],
    decorators: MethodDecorator[],
    params: ParameterDecorator[],
  ) => {
    // The DTO types the global ValidationPipe and OpenAPI read, which a generic method cannot declare.
    Reflect.defineMetadata('design:paramtypes', types, proto, name);
    params.forEach((p, i) => p(proto, name, i));
    const descriptor = Object.getOwnPropertyDescriptor(proto, name)!;
    for (const d of decorators) d(proto, name, descriptor);
    Object.defineProperty(proto, name, descriptor);
  };
  const writes = [Writes(spec.entity) as MethodDecorator];
  const reads = [Reads(spec.entity) as MethodDecorator];
  const caller = CurrentUser();
  const idParam = spec.idType === 'int' ? IntIdParam : UuidParam;
  const idType = spec.idType === 'int' ? Number : String;
  const model = spec.entity;

  if (routes.has('list'))
    method(
      'list',
      [spec.listQuery, Object],
      [Get(), ApiPageResponse(model), ...reads],
      [Query(), caller],
    );
  if (routes.has('get'))
    method(
      'get',
      [idType, Object],
      [Get(':id'), ApiOkResponse({ type: model }), ...reads],
      [idParam(), caller],
    );
  if (routes.has('create')) {
    method(
      'create',
      [spec.createDto, Object],
      [Post(), ApiBody({ type: spec.createDto }), ApiCreatedResponse({ type: model }), ...writes],
      [Body(), caller],
    );
  }
  if (routes.has('update')) {
    method(
      'update',
      [idType, spec.updateDto, Object],
      [Patch(':id'), ApiBody({ type: spec.updateDto }), ApiOkResponse({ type: model }), ...writes],
      [idParam(), Body(), caller],
    );
  }
  if (routes.has('delete')) {
    method(
      'remove',
      [idType, DeleteQuery, Object, Object],
      [Delete(':id'), ApiDeleteResponses(), ...writes],
      [idParam(), Query(), Res({ passthrough: true }), caller],
    );
  }
  return ResourceController;
}
