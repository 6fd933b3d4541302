import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AgentStatusRepository } from './agent-status.repository';
import { AgentStatus } from './entities/agent-status.entity';

/** The trading agent's status row: the migration creates it, the table allows no second. */
@Injectable()
export class AgentStatusService {
  constructor(private readonly status: AgentStatusRepository) {}

  async get(): Promise<AgentStatus> {
    return (await this.status.find()) ?? this.recreate();
  }

  /**
   * Only a database whose row was removed by hand gets here. One transaction, so the read that
   * follows the insert runs on the primary, never on a replica that has not seen it yet.
   */
  @Transactional()
  private async recreate(): Promise<AgentStatus> {
    await this.status.createDefault();
    return (await this.status.find())!;
  }

  async update(changes: QueryDeepPartialEntity<AgentStatus>): Promise<AgentStatus> {
    const current = await this.get();
    if (Object.keys(changes).length > 0) await this.status.update(current.id, changes);
    return this.get();
  }
}
