import { INestApplication, RequestMethod } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** Every route lives under /api except the Prometheus scrape. */
export function applyGlobalPrefix(app: INestApplication): void {
  app.setGlobalPrefix('api', { exclude: [{ path: 'metrics', method: RequestMethod.GET }] });
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/**
 * Routes marked `@Public()` (see route-access.ts, which writes `x-access` on every operation)
 * declare `security: []`: the document's default is the bearer token, and Nest's swagger
 * decorators drop an empty requirement list, so the override is made here, in one place.
 */
function markPublicOperations(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as
        ({ security?: unknown[] } & Record<string, unknown>) | undefined;
      const access = operation?.['x-access'] as { kind?: string } | undefined;
      if (operation && access?.kind === 'public') operation.security = [];
    }
  }
}

const ERROR_BODY_REF = '#/components/schemas/ErrorBodyDto';

type ResponseObject = Exclude<
  NonNullable<NonNullable<OpenAPIObject['components']>['responses']>[string],
  { $ref: string }
>;

/**
 * The error responses every operation declares (ApiErrorResponses) are the same few objects
 * repeated on each of them: they become `components.responses.Error<status>` and each operation
 * refers to them, so the document, and the client types generated from it, say each once.
 * A response that differs from the shared one of its status (another description) stays inline.
 */
function shareErrorResponses(document: OpenAPIObject): void {
  const shared: Record<string, ResponseObject> = {};
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const responses = (item[method] as { responses?: Record<string, unknown> } | undefined)
        ?.responses;
      for (const [status, value] of Object.entries(responses ?? {})) {
        const response = value as ResponseObject;
        const content = response.content ?? {};
        const types = Object.keys(content);
        const schema = types.length === 1 ? content[types[0]].schema : undefined;
        const isErrorBody =
          schema !== undefined && '$ref' in schema && schema.$ref === ERROR_BODY_REF;
        if (!responses || !isErrorBody || !/^[45]\d\d$/.test(status)) continue;
        const name = `Error${status}`;
        shared[name] ??= response;
        if (JSON.stringify(shared[name]) !== JSON.stringify(response)) continue;
        responses[status] = { $ref: `#/components/responses/${name}` };
      }
    }
  }
  const names = Object.keys(shared).sort();
  document.components = {
    ...document.components,
    responses: {
      ...document.components?.responses,
      ...Object.fromEntries(names.map((n) => [n, shared[n]])),
    },
  };
}

/**
 * The OpenAPI document of an app whose routes are registered (a running app, or one created in
 * Nest's preview mode by `npm run generate`, without a database): served at /docs and committed
 * as openapi/ledgerline.openapi.json.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Ledgerline API')
    .setDescription(
      'Strategies, AI decisions, orders, fills, trades, positions and audits, in PostgreSQL.',
    )
    .setVersion('1')
    .setLicense('UNLICENSED', 'https://choosealicense.com/no-permission/')
    // Relative: the document describes whichever server serves it (paths carry /api).
    .addServer('/', 'the server this document is served from')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'opaque',
      description: 'a session token from POST /api/auth/login, or a service API key (llk_...)',
    })
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  markPublicOperations(document);
  shareErrorResponses(document);
  return document;
}
