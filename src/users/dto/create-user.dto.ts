import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { SignupDto } from '../../auth/dto/credentials.dto';

/** An account made by an admin (works whether or not signup is open). */
export class CreateUserDto extends SignupDto {
  @ApiProperty({ enum: ['user', 'admin'] })
  @IsIn(['user', 'admin'])
  role!: 'user' | 'admin';
}
