import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';
import { JsonText } from './json-text';

/** Global: a handler's JsonText goes out as its text, typed as JSON (Express sends strings as they are). */
@Injectable()
export class JsonTextInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        if (!(body instanceof JsonText)) return body;
        ctx.switchToHttp().getResponse<Response>().type('application/json');
        return body.text;
      }),
    );
  }
}
