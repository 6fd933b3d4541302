import { INestApplication, Logger, LoggerService, LogLevel as NestLogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import { NestExpressApplication } from '@nestjs/platform-express';
import { OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { answerClientErrors } from './common/http/client-error';
import { jsonBody } from './common/http/json-body.middleware';
import { applyGlobalPrefix, buildOpenApiDocument } from './common/http/openapi';
import { createValidationPipe } from './common/validation/validation.pipe';
import type { AppConfig, LogLevel } from './config/app-config';
import { TraceConsoleLogger } from './telemetry/trace-console-logger';

const LEVELS: NestLogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export function logLevelsFrom(level: LogLevel): NestLogLevel[] {
  return LEVELS.slice(0, LEVELS.indexOf(level) + 1);
}

/**
 * Builds the HTTP application exactly as production runs it; tests call this too, so what they
 * exercise is the real stack (prefix, body limits, validation, filters, OpenAPI).
 */
export async function createApp(
  config: AppConfig,
  logger?: LoggerService | false,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    // We install the JSON parser ourselves, with the configured limit.
    bodyParser: false,
    logger:
      logger ??
      new TraceConsoleLogger({
        json: config.logFormat === 'json',
        logLevels: logLevelsFrom(config.logLevel),
      }),
  });
  // Where req.ip comes from: the socket, unless the operator names the proxies in front of us
  // (TRUST_PROXY); a client's own X-Forwarded-For is never believed otherwise.
  app.set('trust proxy', config.http.trustProxy);
  // Browser-facing defaults from Nest's security guide: security headers, and CORS only for the
  // dashboard origins the operator lists (none: no CORS headers, browsers refuse cross-origin calls).
  app.use(helmet());
  if (config.http.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.http.corsOrigins,
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
      exposedHeaders: ['x-request-id', 'Idempotent-Replayed', 'Retry-After'],
    });
  }
  // BODY_LIMIT for every route before anything else runs; the bulk routes' bodies wait for
  // BulkBodyGuard, behind authentication (see bulk-body.guard.ts).
  app.use(jsonBody(config.bodyLimit));
  answerClientErrors(app.getHttpServer());
  app.set('x-powered-by', false);
  // Express would hash every response body for a weak ETag (a SHA-1 of a 50 kB page per list
  // request, seen in the profile) that no client of this API sends back.
  app.set('etag', false);
  applyGlobalPrefix(app);
  app.useGlobalPipes(createValidationPipe());

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  Logger.flush();
  return app;
}

/**
 * The OpenAPI document without a database: Nest's preview mode registers every module's routes
 * and metadata without instantiating providers, so no connection is opened.
 */
export async function createOpenApiDocument(config: AppConfig): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule.forRoot(config), {
    preview: true,
    logger: false,
  });
  applyGlobalPrefix(app);
  const document = buildOpenApiDocument(app);
  await app.close();
  return document;
}
