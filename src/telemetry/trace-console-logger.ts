import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { activeTraceIds } from './trace-context';

interface JsonLogObject {
  level: LogLevel;
  pid: number;
  timestamp: number;
  message: unknown;
  context?: string;
  stack?: unknown;
}

/**
 * Nest's JSON console logger, plus the trace and span id of the request being served: a log
 * line leads to its trace, and a trace to its log lines. Without an active sampled span (tracing
 * off, start-up, timers) the line is unchanged.
 */
export class TraceConsoleLogger extends ConsoleLogger {
  protected override getJsonLogObject(
    message: unknown,
    options: {
      context: string;
      logLevel: LogLevel;
      writeStreamType?: 'stdout' | 'stderr';
      errorStack?: unknown;
    },
  ): JsonLogObject & { traceId?: string; spanId?: string } {
    const line = super.getJsonLogObject(message, options);
    const ids = activeTraceIds();
    return ids ? { ...line, traceId: ids.trace_id, spanId: ids.span_id } : line;
  }
}
