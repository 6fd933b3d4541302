import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsString, Matches } from 'class-validator';
import { ApiKey } from '../entities/api-key.entity';
import { SCOPES, type Scope } from '../auth-user';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'trading-agent', pattern: '^[A-Za-z0-9_.-]{3,64}$' })
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{3,64}$/, { message: 'name must be 3..64 letters, digits, _ . or -' })
  name!: string;

  @ApiProperty({ type: [String], enum: SCOPES, example: ['act-as-user'] })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(SCOPES.length)
  @IsIn(SCOPES, { each: true })
  scopes!: Scope[];
}

/** The key's record; `key` itself only in the answer to its creation. */
export class ApiKeyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'the first characters of the key' }) prefix!: string;
  @ApiProperty({ type: [String], enum: SCOPES }) scopes!: Scope[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) createdBy!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'username of the admin who issued the key (null once that user is deleted)',
  })
  createdByUsername!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt!: Date | null;

  /** `creatorName` when the caller knows it (the admin creating the key), else from `k.creator`. */
  static of(k: ApiKey, creatorName?: string | null): ApiKeyView {
    return {
      id: k.id,
      name: k.name,
      prefix: k.prefix,
      scopes: k.scopes,
      createdBy: k.createdBy,
      createdByUsername: creatorName ?? k.creator?.username ?? null,
      createdAt: k.createdAt,
      lastUsedAt: k.lastUsedAt,
    };
  }
}

export class CreatedApiKeyView extends ApiKeyView {
  @ApiProperty({
    description: 'the key: shown this once, send it as `Authorization: Bearer <key>`',
  })
  key!: string;
}
