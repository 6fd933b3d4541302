/**
 * The first import of main.ts: starts tracing (when configured) before Nest, express and pg are
 * required, so their instrumentations can patch them. A bad configuration is left to main.ts,
 * which reports every problem at once and exits.
 */
import { ConfigError, loadConfig } from '../config/app-config';
import { startTelemetry } from './telemetry';

try {
  startTelemetry(loadConfig(process.env).telemetry);
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
}
