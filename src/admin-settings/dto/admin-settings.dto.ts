import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Allow, IsBoolean, IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';

/** POST /api/admin-settings: a new admin setting. */
export class CreateAdminSettingDto {
  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  namespace!: string;

  @ApiProperty({ type: String, maxLength: 255 })
  @IsDefined()
  @IsString()
  @MaxLength(255)
  key!: string;

  @ApiProperty({ description: 'any JSON value, stored as given' })
  @IsDefined()
  @Allow()
  value!: unknown;

  @ApiPropertyOptional({ type: String, maxLength: 10_000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string | null;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @IsBoolean()
  isSecret?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @IsBoolean()
  isReadOnly?: boolean;
}

/** PATCH /api/admin-settings/{id}: any subset of the create fields. */
export class UpdateAdminSettingDto extends PartialType(CreateAdminSettingDto) {}

/** GET /api/admin-settings: paging, plus equality filters on indexed columns. */
export class ListAdminSettingsQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  namespace?: string;

  @ApiPropertyOptional({ type: String, maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  key?: string;
}
