import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SCOPES, type AuthUser, type Role, type Scope } from '../auth-user';

class ApiKeyRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String], enum: SCOPES }) scopes!: Scope[];
}

/** Who the token belongs to: the user (or the user a service acts as) and, for a service, its key. */
export class CallerView {
  @ApiProperty({ enum: ['user', 'admin', 'service'] }) role!: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) id!: string | null;
  @ApiProperty({ nullable: true, type: String }) username!: string | null;
  @ApiProperty() isAdmin!: boolean;
  @ApiPropertyOptional({ type: ApiKeyRef }) apiKey?: ApiKeyRef;

  static of(caller: AuthUser): CallerView {
    return {
      role: caller.role,
      id: caller.userId,
      username: caller.username,
      isAdmin: caller.isAdmin,
      ...(caller.apiKey ? { apiKey: caller.apiKey } : {}),
    };
  }
}
