import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { WorkItem } from './entities/work-item.entity';
import { WorkItemsRepository } from './work-items.repository';

@Injectable()
export class WorkItemsService {
  constructor(private readonly workItems: WorkItemsRepository) {}

  /** The next due item for a worker, or undefined when none is due. */
  claim(type: string | undefined, caller: AuthUser): Promise<WorkItem | undefined> {
    return this.workItems.claimNext(type, caller);
  }
}
