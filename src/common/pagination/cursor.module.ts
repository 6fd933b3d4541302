import { Global, Logger, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { MIGRATED } from '../../database/database.module';
import { sharedServerSecret } from '../../database/server-secrets';
import { CursorContextInterceptor } from './cursor-context.interceptor';
import { CursorSigner } from './cursor-signer';

/**
 * The cursors' signing keys: CURSOR_SECRET (and CURSOR_SECRET_PREVIOUS) when the operator sets
 * them, else the key kept in server_secrets, so that every instance on the database signs alike
 * and a restart keeps the cursors clients hold. Loaded once at start (after the migrations), so
 * a page costs no extra statement. The log says where the key came from, never what it is.
 */
@Global()
@Module({
  providers: [
    {
      provide: CursorSigner,
      inject: [ConfigService, DataSource, MIGRATED],
      useFactory: async (config: ConfigService<AppConfig, true>, ds: DataSource) => {
        const { secret, previousSecret } = config.get('cursor', { infer: true });
        const logger = new Logger('Cursors');
        if (secret !== undefined) {
          logger.log(
            `list cursors signed with CURSOR_SECRET${previousSecret ? ' (CURSOR_SECRET_PREVIOUS also accepted)' : ''}`,
          );
          return new CursorSigner(secret, [previousSecret]);
        }
        const stored = await sharedServerSecret(ds, 'cursor');
        logger.log(
          `list cursors signed with the key kept in server_secrets${previousSecret ? ' (CURSOR_SECRET_PREVIOUS also accepted)' : ''}`,
        );
        return new CursorSigner(stored, [previousSecret]);
      },
    },
    { provide: APP_INTERCEPTOR, useClass: CursorContextInterceptor },
  ],
  exports: [CursorSigner],
})
export class CursorModule {}
