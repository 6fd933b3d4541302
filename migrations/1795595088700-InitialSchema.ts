import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795595088700 implements MigrationInterface {
  name = 'InitialSchema1795595088700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "strategies" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "type" text NOT NULL,
                "description" text,
                "is_active" boolean NOT NULL DEFAULT false,
                "assets" text array,
                "parameters" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "strategies_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_strategies_type" ON "strategies" ("type")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_strategies_is_active" ON "strategies" ("is_active")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."idx_strategies_is_active"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_strategies_type"
        `);
    await queryRunner.query(`
            DROP TABLE "strategies"
        `);
  }
}
