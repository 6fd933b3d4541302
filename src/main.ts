// First: tracing must be started before Nest, express and pg are required (see register.ts).
import './telemetry/register';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { EmbeddedDatabase } from './database/embedded-postgres';
import { installShutdown } from './shutdown';
import { stopTelemetry } from './telemetry/telemetry';

const EMBEDDED_DATABASE = 'ledgerline';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      // One clear line and exit 1: a bad variable is an operator error, not a crash.
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }

  const logger = new Logger('Bootstrap');
  let embedded: EmbeddedDatabase | undefined;
  if (!config.databaseUrl) {
    embedded = await EmbeddedDatabase.start({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      database: EMBEDDED_DATABASE,
      log: (line) => logger.log(line),
    });
    config = { ...config, databaseUrl: embedded.url };
  }

  try {
    const app = await createApp(config);
    installShutdown({
      app,
      logger,
      delayMs: config.shutdownDelayMs,
      timeoutMs: config.shutdownTimeoutMs,
      // The spans of the last requests are flushed before the process exits.
      afterClose: async () => {
        await stopTelemetry().catch(() => undefined);
        await embedded?.stop();
      },
    });
    await app.listen(config.port);
    logger.log(
      `listening on port ${config.port} (${embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'})`,
    );
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`fatal: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
