import type { TelemetryConfig } from '../config/app-config';

/** One finished span as the test route shows it (the in-memory exporter's spans, flattened). */
export interface FinishedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

interface Running {
  shutdown(): Promise<void>;
  /** Only with the in-memory exporter (tests). */
  finishedSpans?: () => FinishedSpan[];
}

let running: Running | undefined;

/**
 * Starts the OpenTelemetry SDK with the HTTP, NestJS and pg instrumentations. It must run before
 * express, @nestjs/core or pg are first required (src/telemetry/register.ts, the first import of
 * main.ts): the instrumentations patch those modules as they load. With tracing off nothing
 * below is even required, so a service without a collector pays for no patching at all.
 */
export function startTelemetry(config: TelemetryConfig): void {
  if (!config.enabled || running) return;
  // Required lazily, on purpose (see above): importing them at the top would load the SDK always.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeSDK } =
    require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { NestInstrumentation } =
    require('@opentelemetry/instrumentation-nestjs-core') as typeof import('@opentelemetry/instrumentation-nestjs-core');
  const { PgInstrumentation } =
    require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const { InMemorySpanExporter, SimpleSpanProcessor } =
    require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  /* eslint-enable @typescript-eslint/no-require-imports */

  const memory = config.inMemoryExporter ? new InMemorySpanExporter() : undefined;
  const sdk = new NodeSDK({
    serviceName: config.serviceName,
    // Tests read spans synchronously after each request; in production the SDK builds the
    // OTLP exporter from the standard variables (endpoint, protocol, headers) behind a batch.
    spanProcessors: memory ? [new SimpleSpanProcessor(memory)] : undefined,
    // Traces only: metrics stay with Prometheus (/metrics) and logs with stdout. Without these
    // empty lists the SDK would start OTLP metric and log exporters of its own.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        // Scrapes and probes every few seconds would bury the requests worth reading.
        ignoreIncomingRequestHook: (req) => isProbe(req.url ?? ''),
        // The service makes no outgoing HTTP calls of its own; the OTLP exporter's must not be traced.
        ignoreOutgoingRequestHook: () => true,
        // Without the express instrumentation the server span is named "GET" alone: name it by
        // the route template express matched (the same label as the duration histogram's).
        applyCustomAttributesOnSpan: (span, request) => {
          const route = (request as { route?: { path?: unknown } }).route?.path;
          if (typeof route !== 'string') return;
          span.setAttribute('http.route', route);
          span.updateName(`${(request as { method?: string }).method ?? 'GET'} ${route}`);
        },
      }),
      new NestInstrumentation(),
      new PgInstrumentation({
        // Statements outside a request (migrations at start, maintenance, pool health checks)
        // would each be a trace of one span.
        requireParentSpan: true,
        // Never the parameters: they may hold password hashes and tokens.
        enhancedDatabaseReporting: false,
      }),
    ],
  });
  sdk.start();
  running = {
    shutdown: () => sdk.shutdown(),
    finishedSpans: memory
      ? () =>
          memory.getFinishedSpans().map((s) => ({
            traceId: s.spanContext().traceId,
            spanId: s.spanContext().spanId,
            parentSpanId: s.parentSpanContext?.spanId,
            name: s.name,
            kind: s.kind,
            attributes: { ...s.attributes },
          }))
      : undefined,
  };
}

function isProbe(url: string): boolean {
  return url === '/metrics' || url.startsWith('/metrics?') || url.startsWith('/api/health');
}

/** Flushes the spans still batched (on shutdown, after the server closed). */
export async function stopTelemetry(): Promise<void> {
  const r = running;
  running = undefined;
  await r?.shutdown();
}

/** What the test route reports: whether tracing runs, and whether the SDK was ever loaded. */
export function telemetryStatus(): {
  enabled: boolean;
  sdkLoaded: boolean;
  spans: FinishedSpan[] | undefined;
} {
  return {
    enabled: running !== undefined,
    sdkLoaded: Object.keys(require.cache).some((k) => k.includes('@opentelemetry/sdk-node')),
    spans: running?.finishedSpans?.(),
  };
}
