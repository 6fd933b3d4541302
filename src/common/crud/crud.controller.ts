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
import { AdminOnly } from '../../auth/decorators';
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
  @ApiBearerAuth()
  @ApiErrorResponses()
  @Controller(spec.path)
  class ResourceController {
    constructor(readonly crud: CrudService) {}

    list(query: ListQueryDto) {
      return this.crud.list(spec, query);
    }

    get(id: string | number) {
      return this.crud.get(spec, id);
    }

    create(dto: object) {
      return this.crud.create(spec, dto);
    }

    update(id: string | number, dto: object) {
      return this.crud.update(spec, id, dto);
    }

    async remove(
      id: string | number,
      query: DeleteQuery,
      res: Response,
    ): Promise<DeletePreview | void> {
      return respondToDelete(res, await this.crud.remove(spec, id, query.dryRun));
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
  const writes = spec.adminWrites || spec.adminReads ? [AdminOnly() as MethodDecorator] : [];
  const reads = spec.adminReads ? [AdminOnly() as MethodDecorator] : [];
  const idParam = spec.idType === 'int' ? IntIdParam : UuidParam;
  const idType = spec.idType === 'int' ? Number : String;
  const model = spec.entity;

  if (routes.has('list'))
    method('list', [spec.listQuery], [Get(), ApiPageResponse(model), ...reads], [Query()]);
  if (routes.has('get'))
    method('get', [idType], [Get(':id'), ApiOkResponse({ type: model }), ...reads], [idParam()]);
  if (routes.has('create')) {
    method(
      'create',
      [spec.createDto],
      [Post(), ApiBody({ type: spec.createDto }), ApiCreatedResponse({ type: model }), ...writes],
      [Body()],
    );
  }
  if (routes.has('update')) {
    method(
      'update',
      [idType, spec.updateDto],
      [Patch(':id'), ApiBody({ type: spec.updateDto }), ApiOkResponse({ type: model }), ...writes],
      [idParam(), Body()],
    );
  }
  if (routes.has('delete')) {
    method(
      'remove',
      [idType, DeleteQuery, Object],
      [Delete(':id'), ApiDeleteResponses(), ...writes],
      [idParam(), Query(), Res({ passthrough: true })],
    );
  }
  return ResourceController;
}
