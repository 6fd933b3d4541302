import { trace } from '@opentelemetry/api';

/** Exemplar labels and log fields, by the names Grafana and Prometheus look for. */
export interface TraceIds {
  trace_id: string;
  span_id: string;
}

/**
 * The ids of the active span, if it is sampled. With tracing off the API's no-op context
 * manager has no active span: one function call, no allocation.
 */
export function activeTraceIds(): TraceIds | undefined {
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const { traceId, spanId, traceFlags } = span.spanContext();
  // An unsampled trace is never exported: its id would lead nowhere.
  if ((traceFlags & 1) === 0) return undefined;
  return { trace_id: traceId, span_id: spanId };
}
