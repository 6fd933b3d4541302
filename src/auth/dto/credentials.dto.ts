import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { USERNAME_MESSAGE, USERNAME_PATTERN } from '../username';

const USERNAME_DOC = {
  minLength: 3,
  maxLength: 64,
  pattern: '^[A-Za-z0-9_.-]+$',
  example: 'alice',
};

export class SignupDto {
  @ApiProperty(USERNAME_DOC)
  @IsString()
  @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username!: string;

  @ApiProperty({ minLength: 8, maxLength: 1024, example: 'correct horse battery' })
  @IsString()
  @MinLength(8)
  @MaxLength(1024)
  password!: string;
}

export class LoginDto {
  /**
   * Only names signup could have made: any other spelling (e.g. with `İ`, which some case
   * foldings turn into `i`) is refused before it reaches the throttle or the lookup.
   */
  @ApiProperty({ ...USERNAME_DOC, description: 'letter case does not matter (ASCII letters only)' })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username!: string;

  @ApiProperty({ example: 'correct horse battery' })
  @IsString()
  @MaxLength(1024)
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty({ maxLength: 1024, example: 'correct horse battery' })
  @IsString()
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty({ minLength: 8, maxLength: 1024, example: 'a new long passphrase' })
  @IsString()
  @MinLength(8)
  @MaxLength(1024)
  newPassword!: string;
}
