import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * server_secrets: keys the service generates once and shares between its instances (the list
 * cursors' signing key when CURSOR_SECRET is unset). A new, empty table: nothing waits on it.
 */
export class ServerSecrets1797600000001 implements MigrationInterface {
  name = 'ServerSecrets1797600000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "server_secrets" (
                "name" text NOT NULL,
                "value" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "server_secrets_pkey" PRIMARY KEY ("name")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "server_secrets"
        `);
  }
}
