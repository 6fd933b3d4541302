import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  db: TestDatabase;
  config: AppConfig;
  close(): Promise<void>;
}

/**
 * The real application on its own fresh database, migrated exactly as in production.
 * `env` overrides configuration variables (e.g. BODY_LIMIT) as the process would read them.
 */
export async function startTestApp(
  label: string,
  env: Record<string, string> = {},
): Promise<TestApp> {
  const db = await createTestDatabase(label);
  const config = loadConfig({ LOG_LEVEL: 'error', ...env, DATABASE_URL: db.url });
  let app: INestApplication | undefined;
  try {
    app = await createApp(config, process.env.TEST_APP_LOGS === 'true' ? undefined : false);
    await app.init();
  } catch (e) {
    await app?.close().catch(() => undefined);
    await db.drop();
    throw e;
  }
  const started = app;
  return {
    app: started,
    http: request(started.getHttpServer()),
    dataSource: started.get(DataSource),
    db,
    config,
    async close() {
      await started.close();
      await db.drop();
    },
  };
}
