import { ExecutionContext, HttpStatus } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';

/**
 * The status a handler's response will carry, read after the handler ran (for interceptors that
 * record it before Nest sends it): the one the handler set itself (a delete answering 204, a dry
 * run 200), else the route's @HttpCode, else Nest's default (201 for POST, 200 otherwise).
 */
export function responseStatusOf(ctx: ExecutionContext, reflector: Reflector): number {
  const req = ctx.switchToHttp().getRequest<Request>();
  const res = ctx.switchToHttp().getResponse<Response>();
  if (res.statusCode !== HttpStatus.OK) return res.statusCode;
  return (
    reflector.get<number | undefined>(HTTP_CODE_METADATA, ctx.getHandler()) ??
    (req.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK)
  );
}
