import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class TestRoutesService {
  constructor(private readonly ds: DataSource) {}

  /** Holds one pooled connection for `ms` milliseconds (shutdown tests need a request in flight). */
  async sleep(ms: number): Promise<void> {
    await this.ds.query('SELECT pg_sleep($1)', [ms / 1000]);
  }
}
