import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/errors/domain-errors';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import { UserView } from './dto/user-view.dto';
import { User } from './entities/user.entity';
import { hashPassword } from './password';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  /** Creates a user; a taken username (in any letter case) is a 409 from the unique index. */
  async create(username: string, password: string, isAdmin = false): Promise<UserView> {
    return UserView.of(await this.users.insert(username, await hashPassword(password), isAdmin));
  }

  findByUsername(username: string): Promise<User | null> {
    return this.users.findByUsername(username);
  }

  async list(query: ListQueryDto): Promise<Page<UserView>> {
    const page = await this.users.list(query);
    return { ...page, items: page.items.map(UserView.of) };
  }

  async remove(id: string): Promise<void> {
    if (!(await this.users.delete(id))) throw new NotFoundError('user', id);
  }
}
