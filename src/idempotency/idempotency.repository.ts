import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { GenerateSql, SAMPLE } from '../database/generate-sql';
import type { Tx } from '../database/transaction';
import { IdempotencyKey } from './entities/idempotency-key.entity';

/** Remembered first responses of `Idempotency-Key` writes, per principal and key. */
@Injectable()
export class IdempotencyRepository {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  /**
   * Claims the key for this request in one statement: a new key is inserted, an expired claim is
   * taken over (its old request and response cleared), a live one is left alone. False when a
   * live claim exists: a concurrent first request holds its row until it commits, so this waits
   * for it (ON CONFLICT locks the row it conflicts with).
   */
  @GenerateSql({ params: [SAMPLE.uuid, 'key-1', 'sha256', 24] })
  async claim(
    principal: string,
    key: string,
    requestHash: string,
    ttlHours: number,
  ): Promise<boolean> {
    const claimed: unknown[] = await this.tx.tx.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4))
       ON CONFLICT (user_id, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, expires_at = EXCLUDED.expires_at,
             created_at = now(), response_status = NULL, response_body = NULL
         WHERE idempotency_keys.expires_at < now()
       RETURNING key`,
      [principal, key, requestHash, ttlHours],
    );
    return claimed.length > 0;
  }

  @GenerateSql({ params: [SAMPLE.uuid, 'key-1'] })
  find(principal: string, key: string): Promise<IdempotencyKey> {
    return this.tx.tx.getRepository(IdempotencyKey).findOneByOrFail({ userId: principal, key });
  }

  /** Stores the response the client received, in the request's transaction. */
  @GenerateSql({ params: [SAMPLE.uuid, 'key-1', 201, { id: SAMPLE.otherUuid }] })
  async saveResponse(principal: string, key: string, status: number, body: unknown): Promise<void> {
    await this.tx.tx
      .getRepository(IdempotencyKey)
      // responseBody is free-form JSON, which TypeORM's deep-partial type cannot express.
      .update({ userId: principal, key }, {
        responseStatus: status,
        responseBody: body,
      } as QueryDeepPartialEntity<IdempotencyKey>);
  }
}
