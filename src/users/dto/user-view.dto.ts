import { ApiProperty } from '@nestjs/swagger';
import type { User } from '../entities/user.entity';

/** What the API shows of a user: never the password hash. */
export class UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() isAdmin!: boolean;

  static of(user: User): UserView {
    return { id: user.id, username: user.username, isAdmin: user.isAdmin };
  }
}
