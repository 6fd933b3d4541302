import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Tx } from '../database/transaction';
import { AgentStatus } from './entities/agent-status.entity';

/** The trading agent's status row: the migration creates it, the table allows no second. */
@Injectable()
export class AgentStatusService {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  private get repo() {
    return this.tx.tx.getRepository(AgentStatus);
  }

  async get(): Promise<AgentStatus> {
    const row = await this.repo.createQueryBuilder('a').getOne();
    if (row) return row;
    // Only a database whose row was removed by hand gets here; concurrent callers create it once.
    await this.tx.tx.query('INSERT INTO agent_status DEFAULT VALUES ON CONFLICT DO NOTHING');
    return this.repo.createQueryBuilder('a').getOneOrFail();
  }

  async update(changes: QueryDeepPartialEntity<AgentStatus>): Promise<AgentStatus> {
    const current = await this.get();
    if (Object.keys(changes).length > 0) await this.repo.update(current.id, changes);
    return this.get();
  }
}
