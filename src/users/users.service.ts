import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { NotFoundError } from '../common/errors/domain-errors';
import { paginate } from '../common/pagination/keyset';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import type { Tx } from '../database/transaction';
import { IdempotencyKey } from '../idempotency/entities/idempotency-key.entity';
import { User } from './entities/user.entity';
import { UserView } from './dto/user-view.dto';
import { hashPassword } from './password';

@Injectable()
export class UsersService {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  private get users() {
    return this.tx.tx.getRepository(User);
  }

  /** Creates a user; a taken username (in any letter case) is a 409 from the unique index. */
  async create(username: string, password: string, isAdmin = false): Promise<UserView> {
    const user = await this.users.save(
      this.users.create({ username, password: await hashPassword(password), isAdmin }),
    );
    return UserView.of(user);
  }

  findByUsername(username: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .where('lower(u.username) = lower(:username)', { username })
      .getOne();
  }

  async list(query: ListQueryDto): Promise<Page<UserView>> {
    const page = await paginate(this.users.createQueryBuilder('u'), { alias: 'u' }, query);
    return { ...page, items: page.items.map(UserView.of) };
  }

  async remove(id: string): Promise<void> {
    // idempotency_keys has no foreign key to users (see its entity): remove them with the user.
    await this.tx.tx.getRepository(IdempotencyKey).delete({ userId: id });
    const result = await this.users.delete({ id });
    if (!result.affected) throw new NotFoundError('user', id);
  }
}
