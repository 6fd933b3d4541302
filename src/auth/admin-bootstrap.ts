import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config';
import { UsersService } from '../users/users.service';

/**
 * Creates the first admin from ADMIN_USERNAME + ADMIN_PASSWORD when that user does not exist
 * yet; an existing user is left alone (its password is not reset from the environment).
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    private readonly users: UsersService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminUsername, adminPassword } = this.config.get('auth', { infer: true });
    if (!adminUsername || !adminPassword) return;
    if (await this.users.findByUsername(adminUsername)) return;
    try {
      await this.users.create(adminUsername, adminPassword, true);
      this.logger.log(`created admin user ${adminUsername}`);
    } catch (e) {
      // Another replica created it at the same moment: fine.
      if ((e as { driverError?: { code?: string } }).driverError?.code !== '23505') throw e;
    }
  }
}
