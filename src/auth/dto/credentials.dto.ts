import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class SignupDto {
  @ApiProperty({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$', example: 'alice' })
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{3,64}$/, {
    message: 'username must be 3..64 letters, digits, _ . or -',
  })
  username!: string;

  @ApiProperty({ minLength: 8, maxLength: 1024, example: 'correct horse battery' })
  @IsString()
  @MinLength(8)
  @MaxLength(1024)
  password!: string;
}

export class LoginDto {
  @ApiProperty({ example: 'alice' })
  @IsString()
  @MaxLength(64)
  username!: string;

  @ApiProperty({ example: 'correct horse battery' })
  @IsString()
  @MaxLength(1024)
  password!: string;
}
