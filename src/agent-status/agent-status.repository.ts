import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { GenerateSql, SAMPLE } from '../database/generate-sql';
import type { Tx } from '../database/transaction';
import { AgentStatus } from './entities/agent-status.entity';

@Injectable()
export class AgentStatusRepository {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  private get repo() {
    return this.tx.tx.getRepository(AgentStatus);
  }

  @GenerateSql()
  find(): Promise<AgentStatus | null> {
    return this.repo.createQueryBuilder('a').getOne();
  }

  /** Recreates the row with its defaults (concurrent callers create it once). */
  @GenerateSql()
  async createDefault(): Promise<void> {
    await this.tx.tx.query('INSERT INTO agent_status DEFAULT VALUES ON CONFLICT DO NOTHING');
  }

  @GenerateSql({ params: [SAMPLE.uuid, { isRunning: true }] })
  async update(id: string, changes: QueryDeepPartialEntity<AgentStatus>): Promise<void> {
    await this.repo.update(id, changes);
  }
}
