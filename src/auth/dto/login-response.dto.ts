import { ApiProperty } from '@nestjs/swagger';
import { UserView } from '../../users/dto/user-view.dto';

export class LoginResponse {
  @ApiProperty({ description: 'bearer token; send as `Authorization: Bearer <token>`' })
  token!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ type: UserView })
  user!: UserView;
}
